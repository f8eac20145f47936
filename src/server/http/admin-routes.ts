import { z } from 'zod';
import { auditQuerySchema } from '../../domain/sync/audit';
import { roleSchema } from '../../domain/sync/roles';
import { canManageDevices, canManageUsers, canReadAudit } from '../../domain/sync/scope';
import { hashPassword } from '../auth/passwords';
import { log } from '../log';
import type { RouteDeps } from './route-kit';
import { LIMITS, auditActor, describe, fail, limit, publicUser, readJson } from './route-kit';

const newUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    name: z.string().min(1).max(200),
    role: roleSchema,
    teamId: z.string().min(1).max(64).nullable(),
    organisationId: z.string().min(1).max(64).nullable(),
    wijken: z.array(z.string().min(1).max(64)).max(50),
    password: z.string().min(12).max(1024),
  })
  .strict();

const userScopeSchema = z
  .object({
    role: roleSchema,
    teamId: z.string().min(1).max(64).nullable(),
    wijken: z.array(z.string().min(1).max(64)).max(50),
  })
  .strict();

/** A beheerder's accounts, devices and audit log. */
export function registerAdminRoutes({ app, storage, now, auth }: RouteDeps): void {
  app.get('/api/admin/users', auth, async (c) => {
    if (!canManageUsers(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder manages users.');
    return c.json({ users: (await storage.listUsers()).map(publicUser) });
  });

  app.post('/api/admin/users', limit(LIMITS.default), auth, async (c) => {
    if (!canManageUsers(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder manages users.');
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const parsed = newUserSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The user is not valid.', describe(parsed.error));
    const { password, ...rest } = parsed.data;
    const id = `u-${crypto.randomUUID()}`;
    const created = await storage.createUser(
      { ...rest, id, passwordHash: await hashPassword(password) },
      now().toISOString(),
      auditActor(c.var.actor),
    );
    if (!created) return fail(c, 409, 'badRequest', 'A user with this e-mail address exists.');
    log.info('admin.user.created', { role: rest.role });
    return c.json({ id }, 201);
  });

  app.patch('/api/admin/users/:id', limit(LIMITS.default), auth, async (c) => {
    if (!canManageUsers(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder manages users.');
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const parsed = userScopeSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The change is not valid.', describe(parsed.error));
    const updated = await storage.updateUserScope(c.req.param('id') ?? '', parsed.data, {
      ...auditActor(c.var.actor),
      at: now().toISOString(),
    });
    if (!updated) return fail(c, 404, 'notFound', 'No such user.');
    return c.json({ ok: true });
  });

  app.post('/api/admin/devices/:id/revoke', auth, async (c) => {
    if (!canManageUsers(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder revokes devices.');
    const revoked = await storage.revokeDevice(c.req.param('id') ?? '', now().toISOString());
    if (!revoked) return fail(c, 404, 'notFound', 'No such device.');
    log.info('admin.device.revoked');
    return c.json({ ok: true });
  });

  app.get('/api/admin/devices', auth, async (c) => {
    if (!canManageDevices(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder manages devices.');
    const userId = c.req.query('userId');
    const devices = await storage.listDevices(userId || undefined);
    return c.json({
      devices: devices.map((d) => ({
        id: d.id,
        userId: d.userId,
        createdAt: d.createdAt,
        lastSeenAt: d.lastSeenAt,
        revokedAt: d.revokedAt,
        lostAt: d.lostAt,
      })),
    });
  });

  /** Lost or stolen: revoked at once, and at its next contact the device wipes itself. */
  app.post('/api/admin/devices/:id/lost', auth, async (c) => {
    if (!canManageDevices(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder marks devices lost.');
    const marked = await storage.markDeviceLost(c.req.param('id') ?? '', now().toISOString());
    if (!marked) return fail(c, 404, 'notFound', 'No such device.');
    log.warn('admin.device.lost');
    return c.json({ ok: true });
  });

  app.get('/api/admin/audit', auth, async (c) => {
    if (!canReadAudit(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder reads the audit log.');
    const parsed = auditQuerySchema.safeParse(c.req.query());
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The audit filter is not valid.', describe(parsed.error));
    const page = await storage.listAudit(parsed.data);
    log.info('admin.audit.read', { entries: page.entries.length });
    return c.json(page);
  });
}
