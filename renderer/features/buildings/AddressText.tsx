import { addressParts } from './address-parts';
import './address-text.css';

/** An address in two lines: what tells the building apart first, the street and community under it; the whole on hover. */
export function AddressText({ address, suffix, testId }: { address: string; suffix?: string; testId?: string }) {
  const { distinct, area } = addressParts(address);
  return (
    <span className="gd-address" title={suffix ? `${address} ${suffix}` : address} data-testid={testId} data-address={address}>
      <span className="gd-address-distinct">
        {distinct}
        {suffix ? ` ${suffix}` : ''}
      </span>
      {area ? <span className="gd-address-area">{area}</span> : null}
    </span>
  );
}
