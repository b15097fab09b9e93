import { isDeepStrictEqual, inspect } from 'node:util';
import { it } from 'vitest';

/**
 * Just enough of tape's API to run abstract-leveldown's own test suite inside vitest (tape is not
 * a dependency): each tape test becomes one vitest test, registered in the suite's order (its
 * tests share the database that a setUp test opens), and fails with the assertions that failed.
 */
type TapeBody = (t: Tape) => void;

export interface Tape {
  plan(count: number): void;
  end(error?: unknown): void;
  ok(value: unknown, message?: string): void;
  notOk(value: unknown, message?: string): void;
  error(error: unknown, message?: string): void;
  ifError(error: unknown, message?: string): void;
  equal(actual: unknown, expected: unknown, message?: string): void;
  equals(actual: unknown, expected: unknown, message?: string): void;
  is(actual: unknown, expected: unknown, message?: string): void;
  strictEqual(actual: unknown, expected: unknown, message?: string): void;
  notEqual(actual: unknown, expected: unknown, message?: string): void;
  deepEqual(actual: unknown, expected: unknown, message?: string): void;
  same(actual: unknown, expected: unknown, message?: string): void;
  fail(message?: string): void;
  pass(message?: string): void;
  throws(fn: () => unknown, expected?: RegExp | ((...args: never[]) => unknown) | string, message?: string): void;
}

export function tapeForVitest(timeoutMs = 10_000): (name: string, body: TapeBody) => void {
  return (name, body) => {
    it(name, () => runTape(name, body), timeoutMs);
  };
}

function runTape(name: string, body: TapeBody): Promise<void> {
  return new Promise((resolve, reject) => {
    const failures: string[] = [];
    let planned: number | null = null;
    let count = 0;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      if (planned !== null && count !== planned) failures.push(`planned ${planned} assertions, ran ${count}`);
      if (failures.length > 0) reject(new Error(`${name}:\n  ${failures.join('\n  ')}`));
      else resolve();
    };
    const assert = (passed: boolean, message: string): void => {
      if (finished) {
        // tape reports assertions after end as failures; surface them rather than lose them.
        if (!passed) throw new Error(`${name}: after end: ${message}`);
        return;
      }
      count += 1;
      if (!passed) failures.push(message);
      if (planned !== null && count >= planned) setImmediate(finish);
    };
    const show = (value: unknown): string => inspect(value, { depth: 4, breakLength: Infinity });
    const t: Tape = {
      plan: (n) => {
        planned = n;
      },
      end: (error) => {
        if (error) failures.push(`ended with ${show(error)}`);
        finish();
      },
      ok: (v, m = 'should be truthy') => assert(!!v, m),
      notOk: (v, m = 'should be falsy') => assert(!v, m),
      error: (e, m = 'no error') => assert(!e, `${m}: ${show(e)}`),
      ifError: (e, m = 'no error') => assert(!e, `${m}: ${show(e)}`),
      equal: (a, b, m = 'should be equal') => assert(a === b, `${m}: ${show(a)} !== ${show(b)}`),
      equals: (a, b, m) => t.equal(a, b, m),
      is: (a, b, m) => t.equal(a, b, m),
      strictEqual: (a, b, m) => t.equal(a, b, m),
      notEqual: (a, b, m = 'should not be equal') => assert(a !== b, `${m}: ${show(a)}`),
      deepEqual: (a, b, m = 'should be deep equal') => assert(isDeepStrictEqual(a, b), `${m}: ${show(a)} vs ${show(b)}`),
      same: (a, b, m) => t.deepEqual(a, b, m),
      fail: (m = 'fail') => assert(false, m),
      pass: (m = 'pass') => assert(true, m),
      throws: (fn, expected, m) => {
        let caught: unknown = undefined;
        let threw = false;
        try {
          fn();
        } catch (error) {
          threw = true;
          caught = error;
        }
        const message = typeof expected === 'string' ? expected : (m ?? 'should throw');
        if (!threw) return assert(false, message);
        if (expected instanceof RegExp) return assert(expected.test(String(caught)), `${message}: ${show(caught)}`);
        if (typeof expected === 'function') return assert(caught instanceof expected, `${message}: ${show(caught)}`);
        assert(true, message);
      },
    };
    try {
      body(t);
    } catch (error) {
      failures.push(`threw ${show(error)}`);
      finish();
    }
  });
}
