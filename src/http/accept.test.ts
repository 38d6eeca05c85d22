import t from 'tap';
import { acceptsAnyOf, preferredOf } from './accept.js';

t.test('Accept negotiation follows RFC 9110: wildcards, q-values and the most specific range', async (t) => {
  const json = ['application/json'];
  t.ok(acceptsAnyOf(undefined, json), 'no header accepts anything');
  t.ok(acceptsAnyOf('', json));
  t.ok(acceptsAnyOf('*/*', json));
  t.ok(acceptsAnyOf('application/*', json));
  t.ok(acceptsAnyOf('Application/JSON; charset=utf-8', json), 'media types are case-insensitive; parameters other than q are ignored');
  t.ok(acceptsAnyOf('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', json), 'a browser\'s default header');
  t.notOk(acceptsAnyOf('application/xml', json));
  t.notOk(acceptsAnyOf('text/html, text/plain', json));
  t.notOk(acceptsAnyOf('application/json;q=0', json), 'q=0 means not acceptable');
  t.notOk(acceptsAnyOf('application/json;q=0, */*;q=0.5', json), 'the specific refusal wins over the wildcard');
  t.ok(acceptsAnyOf('text/html;q=0, application/x-ndjson', ['application/json', 'application/x-ndjson']), 'any offered type will do');
  t.ok(acceptsAnyOf('nonsense', json), 'a header with no valid range is ignored');
});

t.test('the preferred representation: highest q from the most specific range, ties to the range written first', async (t) => {
  const both = ['application/json', 'text/html'];
  t.equal(preferredOf(undefined, both), 'application/json');
  t.equal(preferredOf('text/*', both), 'text/html');
  t.equal(preferredOf('text/html;q=0, */*', both), 'application/json');
  t.equal(preferredOf('application/json;q=0.5, text/html', both), 'text/html');
  t.equal(preferredOf('text/html, application/json', both), 'text/html');
  t.equal(preferredOf('application/xml', both), undefined);
});
