import { useState } from 'react';
import { Notice } from '../components/notice';
import { useTranslation } from 'react-i18next';
import type { AdminDevice } from '../../domain/sync/admin';
import { listDevices, markDeviceLost, revokeDevice } from '../../data/admin/admin-client';
import { useOnline } from '../components/online-status';
import { useSession } from '../session/use-session';
import { adminErrorText } from './admin-error-text';
import { AdminLoadStatus } from './admin-load-status';
import { AdminTable } from './admin-table';
import { useAdminLoad } from './use-admin-load';
import { OutcomeMessage, type OutcomeMessageValue } from '../components/outcome-message';
import { currentFormat } from '../i18n/format';
import { Button } from '../components/button';
import { Heading, Paragraph } from '../components/typography';
import { DataBadge } from '../components/data-badge';
import { TableCell, TableHeaderCell, TableRow } from '../components/table';

type Pending = { action: 'lost' | 'revoke'; device: AdminDevice } | null;
type Message = OutcomeMessageValue | null;

function format(at: string): string {
  return currentFormat().dateTime(at);
}

/**
 * A user's devices. "Kwijt melden" is the drastic one: at its next contact the device removes
 * all personal data, unsent work included, so it asks first and says exactly that.
 */
export function UserDevices({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  const session = useSession();
  const { state, reload } = useAdminLoad(`devices:${userId}`, () => listDevices(userId));
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    setMessage(null);
    try {
      if (pending.action === 'lost') await markDeviceLost(pending.device.id);
      else await revokeDevice(pending.device.id);
      setMessage({
        kind: 'ok',
        text: t(pending.action === 'lost' ? 'admin.devices.lostDone' : 'admin.devices.revokeDone'),
      });
      setPending(null);
      reload();
    } catch (error) {
      setMessage({ kind: 'error', text: adminErrorText(t, error) });
    } finally {
      setBusy(false);
    }
  }

  function status(device: AdminDevice): string {
    if (device.lostAt) return t('admin.devices.statusLost', { at: format(device.lostAt) });
    if (device.revokedAt) return t('admin.devices.statusRevoked', { at: format(device.revokedAt) });
    return t('admin.devices.statusActive');
  }

  return (
    <section aria-labelledby="devices-heading">
      <Heading level={2} id="devices-heading">
        {t('admin.devices.title')}
      </Heading>
      <Paragraph>{t('admin.devices.intro')}</Paragraph>
      <AdminLoadStatus state={state} />
      {state.status === 'ready' && state.data.length === 0 && (
        <Paragraph>{t('admin.devices.none')}</Paragraph>
      )}
      {state.status === 'ready' && state.data.length > 0 && (
        <AdminTable
          caption={t('admin.devices.title')}
          testId="admin-devices"
          columns={[
            t('admin.devices.device'),
            t('admin.devices.firstUsed'),
            t('admin.devices.lastSeen'),
            t('admin.devices.status'),
            t('admin.devices.actions'),
          ]}
        >
          {state.data.map((device) => (
            <TableRow key={device.id} data-device-id={device.id}>
              <TableHeaderCell scope="row">
                <code>{device.id}</code>
                {device.id === session?.deviceId && (
                  <DataBadge>{t('admin.devices.thisDevice')}</DataBadge>
                )}
              </TableHeaderCell>
              <TableCell>{format(device.createdAt)}</TableCell>
              <TableCell>{format(device.lastSeenAt)}</TableCell>
              <TableCell>{status(device)}</TableCell>
              <TableCell>
                <div className="admin-actions">
                  {!device.revokedAt && !device.lostAt && (
                    <Button
                      purpose="secondary"
                      disabled={!online || busy}
                      aria-label={t('admin.devices.revokeLabel', { id: device.id })}
                      onClick={() => {
                        setMessage(null);
                        setPending({ action: 'revoke', device });
                      }}
                    >
                      {t('admin.devices.revoke')}
                    </Button>
                  )}
                  {!device.lostAt && (
                    <Button
                      purpose="secondary"
                      disabled={!online || busy}
                      aria-label={t('admin.devices.lostLabel', { id: device.id })}
                      onClick={() => {
                        setMessage(null);
                        setPending({ action: 'lost', device });
                      }}
                    >
                      {t('admin.devices.lost')}
                    </Button>
                  )}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </AdminTable>
      )}
      {pending && (
        <div
          role="alertdialog"
          aria-labelledby="device-confirm-title"
          aria-describedby="device-confirm-text"
        >
          <Notice type={pending.action === 'lost' ? 'warning' : 'info'}>
            <Heading level={3} id="device-confirm-title">
              {t(
                pending.action === 'lost'
                  ? 'admin.devices.lostConfirmTitle'
                  : 'admin.devices.revokeConfirmTitle',
                { id: pending.device.id },
              )}
            </Heading>
            <Paragraph id="device-confirm-text">
              {t(
                pending.action === 'lost'
                  ? 'admin.devices.lostWarning'
                  : 'admin.devices.revokeWarning',
              )}
            </Paragraph>
            <div className="admin-actions">
              <Button disabled={!online || busy} onClick={() => void confirm()}>
                {busy
                  ? t('admin.busy')
                  : t(
                      pending.action === 'lost'
                        ? 'admin.devices.lostConfirm'
                        : 'admin.devices.revokeConfirm',
                    )}
              </Button>
              <Button purpose="secondary" disabled={busy} onClick={() => setPending(null)}>
                {t('admin.cancel')}
              </Button>
            </div>
          </Notice>
        </div>
      )}
      <OutcomeMessage message={message} />
    </section>
  );
}
