import { matchesConditions, parseSoql, SoqlError, type SoqlCondition } from './soql';

describe('parseSoql', () => {
  it('reads a field list and the object', () => {
    expect(parseSoql('SELECT Id, Name ,SBQQ__NetAmount__c FROM SBQQ__Quote__c')).toEqual({
      fields: ['Id', 'Name', 'SBQQ__NetAmount__c'],
      object: 'SBQQ__Quote__c',
      where: [],
      orderBy: undefined,
      limit: undefined,
      offset: undefined,
    });
  });

  it('reads COUNT() in any case', () => {
    expect(parseSoql('select count() from Product2').fields).toBe('COUNT');
  });

  it('reads =, != and IN conditions joined by AND', () => {
    const query = parseSoql(
      "SELECT Id FROM SBQQ__Quote__c WHERE SBQQ__Partner__c IN ('P-00001', 'P-00002') AND SBQQ__Status__c != 'Draft' and CurrencyIsoCode = 'EUR'",
    );
    expect(query.where).toEqual([
      { field: 'SBQQ__Partner__c', operator: 'IN', values: ['P-00001', 'P-00002'] },
      { field: 'SBQQ__Status__c', operator: '!=', values: ['Draft'] },
      { field: 'CurrencyIsoCode', operator: '=', values: ['EUR'] },
    ]);
  });

  it('keeps a value containing " AND " whole', () => {
    expect(
      parseSoql("SELECT Id FROM Product2 WHERE Name = 'Backup AND Restore' AND Family = 'Cloud'").where,
    ).toEqual([
      { field: 'Name', operator: '=', values: ['Backup AND Restore'] },
      { field: 'Family', operator: '=', values: ['Cloud'] },
    ]);
  });

  it('unescapes an escaped quote, also inside an IN list', () => {
    expect(
      parseSoql("SELECT Id FROM Product2 WHERE Name = 'O\\'Brien AND Sons' AND Family IN ('It\\'s', 'Cloud')")
        .where,
    ).toEqual([
      { field: 'Name', operator: '=', values: ["O'Brien AND Sons"] },
      { field: 'Family', operator: 'IN', values: ["It's", 'Cloud'] },
    ]);
  });

  it('reads ORDER BY with either direction, ASC by default', () => {
    expect(parseSoql('SELECT Id FROM Product2 ORDER BY Name').orderBy).toEqual({
      field: 'Name',
      direction: 'ASC',
    });
    expect(parseSoql('SELECT Id FROM Product2 ORDER BY Name desc').orderBy).toEqual({
      field: 'Name',
      direction: 'DESC',
    });
  });

  it('reads LIMIT and OFFSET after a WHERE and ORDER BY', () => {
    const query = parseSoql(
      "SELECT Id FROM SBQQ__QuoteLine__c WHERE SBQQ__Quote__c = 'a0Q' ORDER BY Name ASC LIMIT 10 OFFSET 20",
    );
    expect(query).toMatchObject({
      where: [{ field: 'SBQQ__Quote__c', operator: '=', values: ['a0Q'] }],
      orderBy: { field: 'Name', direction: 'ASC' },
      limit: 10,
      offset: 20,
    });
  });

  it.each([
    ['an empty query', ''],
    ['a DML statement', "DELETE FROM Product2 WHERE Id = 'x'"],
    ['a missing FROM', 'SELECT Id'],
    ['an empty WHERE', 'SELECT Id FROM Product2 WHERE'],
    ['an OR', "SELECT Id FROM Product2 WHERE Name = 'a' OR Name = 'b'"],
    ['an unquoted value', 'SELECT Id FROM Product2 WHERE Name = Firewall'],
    ['an unsupported operator', "SELECT Id FROM Product2 WHERE Name LIKE 'Fire%'"],
    ['an unterminated string', "SELECT Id FROM Product2 WHERE Name = 'Firewall"],
    ['an IN without parentheses', "SELECT Id FROM Product2 WHERE Name IN 'a'"],
    ['an empty IN list', 'SELECT Id FROM Product2 WHERE Name IN ()'],
    ['an unquoted value in an IN list', "SELECT Id FROM Product2 WHERE Name IN ('a', b)"],
    ['a function in the field list', 'SELECT MAX(Name) FROM Product2'],
    ['COUNT() mixed with fields', 'SELECT COUNT(), Id FROM Product2'],
    ['a relationship field', 'SELECT Owner.Name FROM Product2'],
    ['a subquery', 'SELECT Id, (SELECT Id FROM Lines) FROM Product2'],
    ['OFFSET before LIMIT', 'SELECT Id FROM Product2 OFFSET 5 LIMIT 2'],
    ['a negative LIMIT', 'SELECT Id FROM Product2 LIMIT -1'],
    ['trailing text', 'SELECT Id FROM Product2 LIMIT 5 FOR UPDATE'],
  ])('rejects %s with a SoqlError', (_case, text) => {
    expect(() => parseSoql(text)).toThrow(SoqlError);
  });
});

describe('matchesConditions', () => {
  const line = { Name: 'QL-1', SBQQ__Quantity__c: 5, CurrencyIsoCode: 'EUR' };
  const inEuro: SoqlCondition = { field: 'CurrencyIsoCode', operator: '=', values: ['EUR'] };
  const listed: SoqlCondition = { field: 'Name', operator: 'IN', values: ['QL-0', 'QL-1'] };
  const notQl1: SoqlCondition = { field: 'Name', operator: '!=', values: ['QL-1'] };

  it('compares numbers by their text, as the quoted SOQL literal has it', () => {
    expect(matchesConditions(line, [{ field: 'SBQQ__Quantity__c', operator: '=', values: ['5'] }])).toBe(
      true,
    );
  });

  it('requires every condition to hold', () => {
    expect(matchesConditions(line, [inEuro, listed])).toBe(true);
    expect(matchesConditions(line, [inEuro, notQl1])).toBe(false);
  });
});
