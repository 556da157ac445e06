import { useState } from 'react';
import { campaigns, type Campaign } from '../../api/funding';
import { useDebounced } from '../../hooks/useResource';
import { useT } from '../../i18n/i18n';
import { AmountInput } from './AmountInput';
import { parseVndInput } from './money';

/** The VietQR code for giving to the campaign's account; an amount, when typed, is built in. */
export function VietQrCard({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const [amount, setAmount] = useState('');
  const parsed = parseVndInput(useDebounced(amount, 400));
  const amountVnd = parsed !== null && Number.isSafeInteger(parsed) && parsed > 0 ? parsed : null;
  return (
    <section className="card vietqr" data-testid="vietqr">
      <h2>{t('funding.qrTitle')}</h2>
      <div className="vietqr-body">
        <img
          src={campaigns.qrImageUrl(campaign.id, amountVnd)}
          alt={t('funding.qrAlt', { account: campaign.accountNumber })}
          width={240}
          height={240}
          data-testid="vietqr-image"
        />
        <div>
          <dl className="facts">
            <dt>{t('funding.bank')}</dt>
            <dd>{campaign.bankName}</dd>
            <dt>{t('funding.accountNumber')}</dt>
            <dd data-testid="vietqr-account">{campaign.accountNumber}</dd>
            <dt>{t('funding.accountName')}</dt>
            <dd>{campaign.accountName}</dd>
          </dl>
          <AmountInput
            id="vietqr-amount"
            label={t('funding.qrAmount')}
            value={amount}
            onChange={setAmount}
          />
        </div>
      </div>
    </section>
  );
}
