import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMailer } from './mailer.ts';

describe(createMailer.name, () => {
  it('writes each email to the outbox folder without SMTP, making the folder again if it was removed', async () => {
    const outboxFolder = join(mkdtempSync(join(tmpdir(), 'innspill-mailer-')), 'outbox');
    const mailer = createMailer({ from: 'innspill@example.test', outboxFolder });

    const first = await mailer.send({
      to: 'kari@example.test',
      subject: 'Kvittering',
      text: 'Takk for innspillet, Åse!',
    });
    expect(first.transport).toBe('outbox');
    expect(readdirSync(outboxFolder)).toEqual([first.outboxFile]);
    const written = readFileSync(join(outboxFolder, first.outboxFile!), 'utf8');
    expect(written).toContain('To: kari@example.test');
    expect(written).toContain('Subject: Kvittering');

    rmSync(outboxFolder, { recursive: true });
    const second = await mailer.send({
      to: 'ola@example.test',
      subject: 'Påminnelse',
      text: 'Fristen nærmer seg.',
    });
    expect(readdirSync(outboxFolder)).toEqual([second.outboxFile]);
  });
});
