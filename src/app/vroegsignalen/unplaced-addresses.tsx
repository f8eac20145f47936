import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnplacedAddress } from '../../domain/vroegsignalen/import-report';
import { placeAddress } from '../../data/vroegsignalen/vroeg-client';
import { Button } from '../components/button';
import { Checkbox, FormField, SelectInput } from '../components/form-field';
import { Notice } from '../components/notice';
import { useOnline } from '../components/online-status';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/table';
import { TableScroll } from '../components/table-scroll';
import { Heading, Paragraph } from '../components/typography';
import { useCatalogue } from '../use-catalogue';
import { vroegErrorText } from './vroeg-error-text';

function addressText(a: UnplacedAddress): string {
  return `${a.street} ${a.houseNumber}${a.houseNumberSuffix ?? ''}`;
}

function postcodeText(postcode: string): string {
  return `${postcode.slice(0, 4)} ${postcode.slice(4)}`;
}

/**
 * Addresses the server could not place in a wijk. A person chooses the wijk; the server
 * remembers it (for this address, or for its whole postcode) and makes the waiting signals.
 */
export function UnplacedAddresses({
  addresses,
  onPlaced,
}: {
  addresses: readonly UnplacedAddress[];
  onPlaced: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="vroeg-unplaced">
      <Heading level={2} id="vroeg-unplaced">
        {t('admin.vroeg.unplaced.title')}
      </Heading>
      <Paragraph>{t('admin.vroeg.unplaced.intro')}</Paragraph>
      {addresses.length === 0 ? (
        <Paragraph data-testid="vroeg-unplaced-none">{t('admin.vroeg.unplaced.none')}</Paragraph>
      ) : (
        <TableScroll label={t('admin.vroeg.unplaced.title')}>
          <Table data-testid="vroeg-unplaced">
            <TableCaption>
              {t('admin.vroeg.unplaced.caption', { count: addresses.length })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('admin.vroeg.unplaced.address')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.vroeg.unplaced.postcode')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.vroeg.unplaced.reports')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.vroeg.unplaced.place')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {addresses.map((a) => (
                <PlaceRow key={a.addressKey} address={a} onPlaced={onPlaced} />
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

function PlaceRow({ address, onPlaced }: { address: UnplacedAddress; onPlaced: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  const { catalogue } = useCatalogue();
  const [wijk, setWijk] = useState('');
  const [wholePostcode, setWholePostcode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `place-${address.addressKey.replace(/[^A-Za-z0-9]/g, '-')}`;
  const wijken = [...catalogue.wijken].sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  async function place(e: React.FormEvent) {
    e.preventDefault();
    if (!wijk) return;
    setBusy(true);
    setProblem(null);
    try {
      await placeAddress({ addressKey: address.addressKey, wijk, wholePostcode });
      onPlaced();
    } catch (error) {
      setProblem(vroegErrorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <TableRow data-address={address.addressKey}>
      <TableCell>
        {addressText(address)}, {address.city}
      </TableCell>
      <TableCell>{postcodeText(address.postcode)}</TableCell>
      <TableCell>
        {address.reports} (
        {address.creditorTypes.map((c) => t(`admin.vroeg.creditor.${c}`)).join(', ')})
      </TableCell>
      <TableCell>
        <form className="form vroeg-place" onSubmit={(e) => void place(e)}>
          <FormField htmlFor={`${id}-wijk`} label={t('admin.vroeg.unplaced.wijk')}>
            <SelectInput
              id={`${id}-wijk`}
              value={wijk}
              required
              onChange={(e) => setWijk(e.target.value)}
            >
              <option value="">{t('admin.vroeg.unplaced.chooseWijk')}</option>
              {wijken.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <label className="vroeg-whole-postcode">
            <Checkbox
              checked={wholePostcode}
              onChange={(e) => setWholePostcode(e.target.checked)}
            />{' '}
            {t('admin.vroeg.unplaced.wholePostcode', { postcode: postcodeText(address.postcode) })}
          </label>
          <Button type="submit" disabled={!online || busy || !wijk}>
            {busy ? t('admin.busy') : t('admin.vroeg.unplaced.placeButton')}
          </Button>
          {problem && (
            <Notice type="error" role="alert">
              {problem}
            </Notice>
          )}
        </form>
      </TableCell>
    </TableRow>
  );
}
