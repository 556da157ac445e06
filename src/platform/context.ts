import type { AuditLog } from '../audit/audit.service';
import type { RecorderService } from '../recording/recorder';
import type { Config } from './config';
import type { Db } from './db/database';
import type { EventBus } from './events';
import type { SecretBox } from './secret-box';

/** What every domain gets: plain objects passed in, no framework container. */
export interface AppContext {
  config: Config;
  db: Db;
  box: SecretBox;
  audit: AuditLog;
  events: EventBus;
  now: () => Date;
  /**
   * The recorder when this process records (`recording` setting); started when the HTTP app is
   * ready and stopped when it closes. Null in processes that only serve the API or run a command.
   */
  recorder: RecorderService | null;
}
