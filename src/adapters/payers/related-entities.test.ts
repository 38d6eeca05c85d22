import t from 'tap';
import { dialable, phoneSuffix } from './related-entities.js';

t.test('phone numbers in action messages read as people dial them; anything not a US number stays as sent', async (t) => {
  t.equal(dialable('8005550100'), '800-555-0100');
  t.equal(dialable('1-800-555-0100'), '800-555-0100');
  t.equal(dialable('(800) 555 0100'), '800-555-0100');
  t.equal(dialable('+44 20 7946 0958'), '+44 20 7946 0958');
  t.equal(dialable('+61 298 765 43'), '+61 298 765 43', 'ten digits after another country code stay as sent');
  t.equal(dialable('+1 800 555 0100'), '800-555-0100');
  t.equal(dialable('555-0100 ext 123'), '555-0100 ext 123', 'an extension is never folded into the number');
  t.equal(dialable('800555010'), '800555010', 'nine digits is not a US number');
  t.equal(dialable('800-CALL-NOW'), '800-CALL-NOW');
  t.equal(phoneSuffix({ role: 'carve-out administrator', contacts: [{ kind: 'url', value: 'www.example.org' }, { kind: 'phone', value: '8005550100' }] }), ' (phone 800-555-0100)');
  t.equal(phoneSuffix({ role: 'carve-out administrator' }), '');
});
