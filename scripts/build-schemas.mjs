// Compiles schemas/ ahead of time with ajv's standalone code (filled in by the schema stage).
