import { norms2026, rules2026 } from './src/domain/eligibility/data-2026';
import { evaluateRegelingen } from './src/domain/eligibility/evaluate';
const h = { gemeente: 'Dordrecht', housing: 'huur-sociaal' as const, rentMonthly: 720, savings: 300, hasArrears: true,
  members: [{ role: 'aanvrager' as const, age: 34, incomes: [{ type: 'loon' as const, netMonthly: 1450 }] }, { role: 'kind' as const, age: 6 }] };
for (let i = 0; i < 2000; i++) evaluateRegelingen(h, rules2026, norms2026, '2026-03-01');
const c0 = process.cpuUsage();
const N = 3000;
for (let i = 0; i < N; i++) evaluateRegelingen(h, rules2026, norms2026, '2026-03-01');
const c = process.cpuUsage(c0);
process.stdout.write(`cpu per eval ms: ${((c.user + c.system) / 1000 / N).toFixed(4)}\n`);
