import { IMPORT_ROW_ERROR_CODES } from '@olievlek/shared';
import { importErrorMessage, rowError } from './import-errors';

describe('import row errors', () => {
  it('has an English sentence for every code, with every parameter filled in', () => {
    const params = {
      value: 'X',
      max: 9,
      otherLine: 7,
      field: 'department',
      unit: 'A / B',
      unitKind: 'department',
      count: 2,
    } as const;
    for (const code of IMPORT_ROW_ERROR_CODES) {
      const message = importErrorMessage(code, params);
      expect(message).not.toMatch(/undefined|\[object/);
      expect(message.length).toBeGreaterThan(5);
    }
  });

  it('keeps the code and parameters beside the message', () => {
    expect(rowError(4, 'Team', 'IMPORT_TEAM_NOT_FOUND', { value: 'Wonen' })).toEqual({
      line: 4,
      column: 'Team',
      code: 'IMPORT_TEAM_NOT_FOUND',
      params: { value: 'Wonen' },
      message: 'no active team "Wonen"',
    });
    expect(rowError(1, null, 'IMPORT_NO_ORGANISATION')).toMatchObject({ params: {} });
  });
});
