import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { validateCatalogueFiles } from '../../../src/domain/catalogue/validate';
import { fixtureCatalogue } from '../../fixtures/catalogue';

function filesOf(c = fixtureCatalogue()) {
  return {
    'fundamenten.json': c.fundamenten,
    'programmes.json': c.programmes,
    'regelingen.json': c.regelingen,
    'organisations.json': c.organisations,
    'wijken.json': c.wijken,
    'indicators.json': c.indicators,
  } as Record<string, unknown>;
}

describe('validateCatalogueFiles', () => {
  it('accepts a valid catalogue', () => {
    expect(validateCatalogueFiles(filesOf())).toMatchObject({ ok: true });
  });

  it('names the file, the record and the field of a broken record', () => {
    const files = filesOf();
    const regelingen = structuredClone(files['regelingen.json']) as Record<string, unknown>[];
    regelingen[1] = { ...regelingen[1], fundamenten: ['geluk'] };
    const result = validateCatalogueFiles({ ...files, 'regelingen.json': regelingen });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(
      /regelingen\.json: record \[1\] \(id "clientondersteuning"\) field fundamenten\[0\]/,
    );
  });

  it('refuses a record without a source', () => {
    const files = filesOf();
    const wijken = structuredClone(files['wijken.json']) as Record<string, unknown>[];
    wijken[0] = { ...wijken[0], source: [] };
    const result = validateCatalogueFiles({ ...files, 'wijken.json': wijken });
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringMatching(/wijken\.json: record \[0\] \(id "dordt-west"\) field source/),
    ]);
  });

  it('refuses an unknown eligibility without saying what is unknown', () => {
    const files = filesOf();
    const regelingen = structuredClone(files['regelingen.json']) as Record<string, unknown>[];
    delete regelingen[0]!.eligibilityNote;
    const result = validateCatalogueFiles({ ...files, 'regelingen.json': regelingen });
    expect(result.ok ? '' : result.errors.join()).toMatch(/field eligibilityNote/);
  });

  it('refuses references to records that do not exist, and duplicate ids', () => {
    const c = fixtureCatalogue();
    c.regelingen[0]!.wijken = ['atlantis'];
    c.programmes.push({ ...c.programmes[0]! });
    const result = validateCatalogueFiles(filesOf(c));
    expect(result.ok ? [] : result.errors).toEqual(
      expect.arrayContaining([
        'programmes.json: id "bestaanszekerheid" is used twice',
        'regelingen.json: id "dordtpas" field wijken: "atlantis" is not an id in wijken.json',
      ]),
    );
  });

  it('reports a missing file', () => {
    const files = filesOf();
    delete files['indicators.json'];
    const result = validateCatalogueFiles(files);
    expect(result.ok ? [] : result.errors).toEqual(['indicators.json: file is missing']);
  });
});

describe('the build step', () => {
  function runValidator(dir: string) {
    return spawnSync('npx', ['tsx', 'src/build/validate-catalogue-cli.ts', dir], {
      encoding: 'utf8',
    });
  }

  it('fails with a message naming file and field when a data file is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    const files = filesOf();
    const regelingen = structuredClone(files['regelingen.json']) as Record<string, unknown>[];
    regelingen[0] = { ...regelingen[0], howToApply: [] };
    for (const [name, data] of Object.entries({ ...files, 'regelingen.json': regelingen })) {
      writeFileSync(join(dir, name), JSON.stringify(data));
    }
    writeFileSync(join(dir, 'wijken.json'), '[{ not json');
    const result = runValidator(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('wijken.json: not valid JSON');

    writeFileSync(join(dir, 'wijken.json'), JSON.stringify(files['wijken.json']));
    const second = runValidator(dir);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(
      /regelingen\.json: record \[0\] \(id "dordtpas"\) field howToApply/,
    );
  }, 30_000);

  it('passes on the real catalogue', () => {
    const result = runValidator('src/domain/catalogue/data');
    expect(result.stderr).not.toMatch(/not valid/);
    expect(result.status).toBe(0);
  }, 30_000);
});
