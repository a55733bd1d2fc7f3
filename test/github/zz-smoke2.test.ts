import { test, expect } from 'vitest';
import { OpenApiValidator } from '../fake-github/index.js';
test('validator catches', () => {
  const v = new OpenApiValidator();
  const m = v.match('GET', '/repos/acme/model/actions/runs/12')!;
  console.log(m.id, m.params);
  console.log(v.validateResponse(m, 200, { id: 'x' }));
  const c = v.match('POST', '/repos/acme/model/check-runs')!;
  console.log(v.validateRequest(c, new URLSearchParams('foo=1'), { name: 1, head_sha: 'x', conclusion: 'bogus', output: { title: 't' } }));
  const cmp = v.match('GET', '/repos/acme/model/compare/main...feature')!;
  console.log(cmp.id, cmp.params);
  expect(1).toBe(1);
});
