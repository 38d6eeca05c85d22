import t from 'tap';
import { isValidNpi } from './npi.js';

t.test('an NPI is valid only with its check digit (Luhn over 80840 and the first nine digits)', async (t) => {
  t.ok(isValidNpi('1234567893'), 'the CMS example NPI');
  for (const wrong of ['1234567890', '1234567894', '2234567893']) t.notOk(isValidNpi(wrong), `${wrong}: one digit off`);
  for (const malformed of ['123456789', '12345678931', '123456789X', '', ' 1234567893']) t.notOk(isValidNpi(malformed));
  // Every last digit but one fails for the same first nine.
  t.equal([...'0123456789'].filter((d) => isValidNpi(`123456789${d}`)).length, 1);
});
