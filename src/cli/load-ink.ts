/**
 * Loads an ink view module with React's production build. React picks its build from NODE_ENV when it is
 * first loaded, and an unset NODE_ENV means the development build: several times slower and far more
 * garbage on every frame. NODE_ENV is set only while the view's modules load, and only if the user left it
 * unset, so stub modules that run in the same process still see the environment they were given.
 */
export async function loadInkView<T>(load: () => Promise<T>): Promise<T> {
  const unset = process.env.NODE_ENV === undefined;
  if (unset) process.env.NODE_ENV = 'production';
  try {
    return await load();
  } finally {
    if (unset) delete process.env.NODE_ENV;
  }
}
