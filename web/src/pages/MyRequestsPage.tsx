import { useState } from 'react';
import { footageRequests, type FootageRequest } from '../api/requests';
import { ErrorMessage } from '../components/ErrorMessage';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';
import { RequestCard } from '../views/requests/RequestCard';
import '../styles/incidents.css';

/** Police requests for footage of the caller's cameras, answered from a phone. */
export function MyRequestsPage() {
  const t = useT();
  const list = useResource(() => footageRequests.mine(), 'my-requests');
  const [changed, setChanged] = useState<Record<string, FootageRequest>>({});
  const items = (list.data?.items ?? []).map((request) => changed[request.id] ?? request);
  // Open requests first. One list, so a card keeps its state (an upload's receipt) as it moves.
  const waiting = (r: FootageRequest) =>
    r.status === 'pending' || r.status === 'approved' ? 0 : 1;
  const sorted = [...items].sort((a, b) => waiting(a) - waiting(b));
  const card = (request: FootageRequest) => (
    <RequestCard
      key={request.id}
      request={request}
      onChanged={(next) => setChanged((all) => ({ ...all, [next.id]: next }))}
    />
  );

  return (
    <div className="page my-requests">
      <h1>{t('myRequests.title')}</h1>
      <p className="muted">{t('myRequests.explain')}</p>
      <ErrorMessage error={list.error} />
      {list.data && items.length === 0 ? (
        <p className="empty" data-testid="my-requests-empty">
          {t('myRequests.empty')}
        </p>
      ) : null}
      <div className="card-list" data-testid="my-requests">
        {sorted.map(card)}
      </div>
    </div>
  );
}
