import fc from 'fast-check';
import type { Test } from 'tap';

/**
 * A fast-check property as one counted assertion of the test: it passes when every run holds and fails with the
 * counterexample otherwise (a bare fc.assert that holds leaves a test with no assertion, `1..0`).
 */
export function assertProperty<T>(t: Test, property: fc.IProperty<T>, parameters?: fc.Parameters<T>) {
  let failure: unknown;
  try {
    fc.assert(property, parameters);
  } catch (error) {
    failure = error;
  }
  t.equal(failure, undefined, 'the property holds in every run');
}

/** The same for an asynchronous property. */
export async function assertAsyncProperty<T>(t: Test, property: fc.IAsyncProperty<T>, parameters?: fc.Parameters<T>) {
  let failure: unknown;
  await fc.assert(property, parameters).catch((error: unknown) => {
    failure = error;
  });
  t.equal(failure, undefined, 'the property holds in every run');
}
