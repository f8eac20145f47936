import type { z } from 'zod';
import type { Catalogue, CatalogueFileName } from './schema';
import { catalogueFilesSchema } from './schema';

export type CatalogueValidation =
  { ok: true; catalogue: Omit<Catalogue, 'version'> } | { ok: false; errors: string[] };

/** Names the record an issue is in by its id when it has one, so an editor can find it. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  const [index, ...rest] = path;
  const record = Array.isArray(data) && typeof index === 'number' ? data[index] : undefined;
  const id =
    record && typeof record === 'object' && 'id' in record ? ` (id "${String(record.id)}")` : '';
  const field = rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `record [${String(index)}]${id}${field ? ` field ${field.replace(/^\./, '')}` : ''}`;
}

function formatIssues(file: string, data: unknown, error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${file}: ${describePath(data, issue.path)}: ${issue.message}`,
  );
}

function duplicateIds(file: string, records: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const r of records) {
    if (seen.has(r.id)) errors.push(`${file}: id "${r.id}" is used twice`);
    seen.add(r.id);
  }
  return errors;
}

function checkRefs(
  file: string,
  owner: { id: string },
  field: string,
  refs: readonly string[],
  known: ReadonlySet<string>,
  targetFile: string,
): string[] {
  return refs
    .filter((ref) => !known.has(ref))
    .map(
      (ref) => `${file}: id "${owner.id}" field ${field}: "${ref}" is not an id in ${targetFile}`,
    );
}

/**
 * Validates the catalogue's data files: each against its zod schema, then ids unique and every
 * reference pointing at a record that exists. Errors name the file, the record and the field.
 */
export function validateCatalogueFiles(
  files: Partial<Record<CatalogueFileName, unknown>>,
): CatalogueValidation {
  const errors: string[] = [];
  const parsed: Partial<{ [K in CatalogueFileName]: z.infer<(typeof catalogueFilesSchema)[K]> }> =
    {};

  for (const name of Object.keys(catalogueFilesSchema) as CatalogueFileName[]) {
    const data = files[name];
    if (data === undefined) {
      errors.push(`${name}: file is missing`);
      continue;
    }
    const result = catalogueFilesSchema[name].safeParse(data);
    if (result.success) {
      Object.assign(parsed, { [name]: result.data });
    } else {
      errors.push(...formatIssues(name, data, result.error));
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const fundamenten = parsed['fundamenten.json'] ?? [];
  const programmes = parsed['programmes.json'] ?? [];
  const regelingen = parsed['regelingen.json'] ?? [];
  const organisations = parsed['organisations.json'] ?? [];
  const wijken = parsed['wijken.json'] ?? [];
  const indicators = parsed['indicators.json'] ?? [];

  errors.push(
    ...duplicateIds('fundamenten.json', fundamenten),
    ...duplicateIds('programmes.json', programmes),
    ...duplicateIds('regelingen.json', regelingen),
    ...duplicateIds('organisations.json', organisations),
    ...duplicateIds('wijken.json', wijken),
    ...duplicateIds('indicators.json', indicators),
  );

  const programmeIds = new Set(programmes.map((p) => p.id));
  const regelingIds = new Set(regelingen.map((r) => r.id));
  const organisationIds = new Set(organisations.map((o) => o.id));
  const wijkIds = new Set(wijken.map((w) => w.id));
  const areaIds = new Set([...wijkIds, 'dordrecht', 'dordt-west', 'nederland']);

  for (const p of programmes) {
    errors.push(...checkRefs('programmes.json', p, 'wijken', p.wijken, wijkIds, 'wijken.json'));
    errors.push(
      ...checkRefs(
        'programmes.json',
        p,
        'regelingen',
        p.regelingen,
        regelingIds,
        'regelingen.json',
      ),
    );
    if (p.partOf) {
      errors.push(
        ...checkRefs('programmes.json', p, 'partOf', [p.partOf], programmeIds, 'programmes.json'),
      );
    }
  }
  for (const r of regelingen) {
    errors.push(...checkRefs('regelingen.json', r, 'wijken', r.wijken, wijkIds, 'wijken.json'));
    errors.push(
      ...checkRefs(
        'regelingen.json',
        r,
        'programmes',
        r.programmes,
        programmeIds,
        'programmes.json',
      ),
    );
    if (r.providerOrganisation) {
      errors.push(
        ...checkRefs(
          'regelingen.json',
          r,
          'providerOrganisation',
          [r.providerOrganisation],
          organisationIds,
          'organisations.json',
        ),
      );
    }
  }
  for (const o of organisations) {
    const d = o.directory;
    if (!d) continue;
    errors.push(
      ...checkRefs(
        'organisations.json',
        o,
        'directory.servesWijken',
        d.servesWijken,
        wijkIds,
        'wijken.json',
      ),
    );
    if (d.wijk) {
      errors.push(
        ...checkRefs('organisations.json', o, 'directory.wijk', [d.wijk], wijkIds, 'wijken.json'),
      );
    }
  }
  for (const w of wijken) {
    errors.push(
      ...checkRefs('wijken.json', w, 'programmes', w.programmes, programmeIds, 'programmes.json'),
    );
    if (w.partOf)
      errors.push(...checkRefs('wijken.json', w, 'partOf', [w.partOf], wijkIds, 'wijken.json'));
    const statIndicators = w.stats.flatMap((s) => (s.indicator ? [s.indicator] : []));
    errors.push(
      ...checkRefs(
        'wijken.json',
        w,
        'stats.indicator',
        statIndicators,
        new Set(indicators.map((i) => i.id)),
        'indicators.json',
      ),
    );
  }
  for (const i of indicators) {
    errors.push(
      ...checkRefs(
        'indicators.json',
        i,
        'programme',
        [i.programme],
        programmeIds,
        'programmes.json',
      ),
    );
    errors.push(
      ...checkRefs(
        'indicators.json',
        i,
        'values.area',
        i.values.map((v) => v.area),
        areaIds,
        'wijken.json (or dordrecht, dordt-west, nederland)',
      ),
    );
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    catalogue: { fundamenten, programmes, regelingen, organisations, wijken, indicators },
  };
}
