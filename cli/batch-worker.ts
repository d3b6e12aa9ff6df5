// A batch worker thread (cli/batch.ts): reads, parses and audits the pages it is sent, one at a
// time, and answers each with the page's result line and the digest the cross-report checks need
// (lib/report/cross.ts). A page whose bytes still have the hash of its earlier audit is not parsed.
import { parentPort } from 'node:worker_threads';
import { audit } from '../lib/audit';
import type { ReportLine } from '../lib/batch/lines';
import { crossDigest } from '../lib/report/cross';
import type { Locale } from '../lib/result';
import type { Job, Reply } from './batch';
import { parseSource, readSource } from './load';

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function run(job: Job, locale: Locale): Promise<Reply> {
  const auditedAt = new Date().toISOString();
  try {
    const src = await readSource(job.source);
    if (!job.digestOnly && job.doneHash === src.hash) return { id: job.id, reused: true };
    const { doc, url } = await parseSource(src);
    const { result, model } = audit(doc, { url, locale });
    const digest = model && result.detected ? crossDigest(model) : undefined;
    if (job.digestOnly) return { id: job.id, digest };
    const line: ReportLine = { type: 'report', source: job.source, url, hash: src.hash, auditedAt, result };
    return { id: job.id, line, digest };
  } catch (e) {
    return { id: job.id, line: { type: 'report', source: job.source, auditedAt, error: reason(e) } };
  }
}

const port = parentPort!;
port.on('message', (msg: { job: Job; locale: Locale }) => {
  void run(msg.job, msg.locale).then((reply) => port.postMessage(reply));
});
