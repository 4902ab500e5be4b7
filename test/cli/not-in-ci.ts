/**
 * Imported first by tests that look at every frame of an ink view: ink draws only its last frame when it
 * believes it runs in CI (the is-in-ci package reads CI, CONTINUOUS_INTEGRATION and CI_* when ink loads), and
 * the project's own CI sets CI=true. These views are only ever shown on a person's terminal, outside CI.
 */
for (const name of Object.keys(process.env)) {
  if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) delete process.env[name];
}
export {};
