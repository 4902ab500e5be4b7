import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, _ctx) => {
  program.command('validate').description('check state machine definitions (being built)');
};
