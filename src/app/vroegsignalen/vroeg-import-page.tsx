import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, UnplacedAddress } from '../../domain/vroegsignalen/import-report';
import { importVroegFile, listUnplaced } from '../../data/vroegsignalen/vroeg-client';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { Notice } from '../components/notice';
import { useOnline } from '../components/online-status';
import { Heading, Paragraph } from '../components/typography';
import { ImportReportView } from './import-report-view';
import { UnplacedAddresses } from './unplaced-addresses';
import { vroegErrorText } from './vroeg-error-text';
import '../admin/admin.css';

type Chosen = { name: string; type: string; text: string } | null;

/**
 * Creditors' arrears reports in: choose the file (CSV or JSON, see docs/vroegsignalen-import.md),
 * send it, read the report. The signals go to the wijk's team on the server; this device keeps
 * nothing of it (the report is in this screen's memory only). Below: the addresses that still
 * need a wijk, placed one by one.
 */
export function VroegImportPage() {
  const { t } = useTranslation();
  const online = useOnline();
  const [chosen, setChosen] = useState<Chosen>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [unplaced, setUnplaced] = useState<readonly UnplacedAddress[] | null>(null);
  const [placed, setPlaced] = useState(false);

  const loadUnplaced = useCallback(() => {
    listUnplaced().then(
      (addresses) => setUnplaced(addresses),
      (error: unknown) => setProblem(vroegErrorText(t, error)),
    );
  }, [t]);

  useEffect(() => {
    if (online) loadUnplaced();
  }, [online, loadUnplaced]);

  async function choose(e: React.ChangeEvent<HTMLInputElement>) {
    setReport(null);
    setProblem(null);
    const file = e.target.files?.[0];
    setChosen(file ? { name: file.name, type: file.type, text: await file.text() } : null);
  }

  async function send() {
    if (!chosen) return;
    setBusy(true);
    setProblem(null);
    setReport(null);
    setPlaced(false);
    try {
      const type =
        chosen.type ||
        (chosen.name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv');
      setReport(await importVroegFile(chosen.text, type));
      loadUnplaced();
    } catch (error) {
      setProblem(vroegErrorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="admin vroeg-import">
      <Heading level={1}>{t('admin.vroeg.title')}</Heading>
      <Paragraph purpose="lead">{t('admin.vroeg.intro')}</Paragraph>
      <Paragraph>{t('admin.vroeg.columns')}</Paragraph>
      {!online && <Notice type="warning">{t('admin.vroeg.offline')}</Notice>}
      <section aria-labelledby="vroeg-upload">
        <Heading level={2} id="vroeg-upload">
          {t('admin.vroeg.uploadTitle')}
        </Heading>
        <FormField htmlFor="vroeg-file" label={t('admin.vroeg.file.label')}>
          <input
            id="vroeg-file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            disabled={busy}
            onChange={(e) => void choose(e)}
          />
        </FormField>
        <Button disabled={!online || busy || !chosen} onClick={() => void send()}>
          {busy ? t('admin.busy') : t('admin.vroeg.send')}
        </Button>
        {problem && (
          <Notice type="error" role="alert">
            {problem}
          </Notice>
        )}
      </section>
      {report && <ImportReportView report={report} />}
      {placed && <Notice role="status">{t('admin.vroeg.unplaced.placed')}</Notice>}
      {unplaced && (
        <UnplacedAddresses
          addresses={unplaced}
          onPlaced={() => {
            setPlaced(true);
            loadUnplaced();
          }}
        />
      )}
    </div>
  );
}
