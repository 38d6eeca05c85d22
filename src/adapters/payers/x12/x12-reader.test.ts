import t from 'tap';
import { readFileSync } from 'node:fs';
import { DomainError } from '../../../core/errors.js';
import { readX12 } from './x12-reader.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../../fixtures/x12/samples/${name}`, import.meta.url), 'utf8');

const envelope = (segments: string[], opts: { rep?: string; comp?: string; term?: string; sep?: string; el?: string } = {}): string => {
  const { rep = '^', comp = ':', term = '~', sep = '', el = '*' } = opts;
  const isa = ['ISA', '00', '          ', '00', '          ', 'ZZ', 'SENDER         ', 'ZZ', 'RECEIVER       ', '250101', '1200', rep, '00501', '000000001', '0', 'T', comp].join(el);
  const body = ['GS*HB*S*R*20250101*1200*1*X*005010X279A1', 'ST*271*0001*005010X279A1', ...segments];
  body.push(`SE*${segments.length + 2}*0001`, 'GE*1*1', 'IEA*1*000000001');
  return [isa, ...body.map((s) => s.replaceAll('*', el))].map((s) => s + term).join(sep);
};

t.test('reads separators from the ISA header and exposes elements by spec name', async (t) => {
  const doc = readX12(envelope(['EB*B*IND*MH^AI*PR**27*30****N*Y*HC:H0015']));
  const tx = doc.transactions[0];
  t.ok(tx);
  const eb = tx!.segments.find((s) => s.id === 'EB')!;
  t.equal(eb.get('EB01'), 'B');
  t.equal(eb.get('EB07'), '30');
  t.same(eb.repeats(3), ['MH', 'AI']);
  t.equal(eb.get('EB13-2'), 'H0015');
  t.equal(eb.get('EB14'), '', 'an element past the end is empty, not a crash');
  t.equal(eb.position, 2, 'ST is segment 1, so the EB is segment 2');
  t.equal(eb.get('EB12'), 'Y');
  t.same(tx!.separators, { element: '*', repetition: '^', component: ':', segment: '~' });
  t.same(doc.warnings, [], 'a well-formed envelope has no warnings');
  t.throws(() => eb.get('HL01'), RangeError, 'asking an EB for an HL element is a programming error');
});

t.test('accepts newline, carriage return and 0x1D segment terminators, with or without line breaks', async (t) => {
  for (const [name, term, sep] of [['tilde+CRLF', '~', '\r\n'], ['LF', '\n', ''], ['CR', '\r', ''], ['GS 0x1D', '\x1d', ''], ['tilde, tabs', '~', '\n\t\t']] as const) {
    const doc = readX12(envelope(['EB*1**30'], { term, sep }));
    t.equal(doc.transactions[0]?.segments[1]?.get('EB03'), '30', name);
    t.same(doc.warnings, [], `${name}: no warnings`);
  }
});

t.test('splits EB03 only when the interchange has a repetition separator', async (t) => {
  const with4010 = envelope(['EB*1**30^MH'], { rep: 'U' });
  const seg = readX12(with4010).transactions[0]!.segments[1]!;
  t.same(seg.repeats(3), ['30^MH'], "in 4010 ISA11 is 'U', so '^' is data");
  const same = readX12(envelope(['EB*1**30^MH*HC^H0015'], { rep: '^', comp: '^' })).transactions[0]!.segments[1]!;
  t.same(same.repeats(3), ['30', 'MH'], 'repetition and component separators may be the same character');
});

t.test('tolerates a BOM, CRLF with indentation, and ISA11 = ISA16 (OopFactory 3.1.2)', async (t) => {
  const doc = readX12(fixture('oopfactory_5010_Example_3_1_2.txt'));
  const tx = doc.transactions[0]!;
  t.equal(tx.version, '005010X279');
  t.equal(tx.separators.repetition, '^');
  t.equal(tx.separators.component, '^');
  t.equal(tx.segments.length, 22, 'ST..SE, matching SE01=22');
});

t.test('turns control-number and count mismatches into warnings, not failures (imsweb x271)', async (t) => {
  const doc = readX12(fixture('imsweb_x271.txt'));
  t.equal(doc.transactions.length, 1);
  const codes = doc.warnings.map((w) => w.code);
  t.ok(codes.includes('x12.count.se01-mismatch'), 'SE01=22 but ST..SE holds 18 segments');
  t.ok(codes.includes('x12.control.iea02-mismatch'), 'IEA02 differs from ISA13');
  const lfh = readX12(fixture('lfh_subscriber-health-benefit-check-error.271'));
  t.ok(lfh.warnings.some((w) => w.code === 'x12.control.se02-mismatch'), 'ST02 4321 vs SE02 4323');
});

t.test('reads several interchanges with different separators in one payload', async (t) => {
  const first = envelope(['EB*1**30']);
  const second = envelope(['EB*6**30'], { el: '|', term: '\x1d', rep: '!' });
  const doc = readX12(`${first}\r\n${second}`);
  t.equal(doc.interchangeCount, 2);
  t.equal(doc.transactions.length, 2);
  t.equal(doc.transactions[1]!.segments[1]!.get('EB01'), '6');
  t.equal(doc.transactions[1]!.separators.repetition, '!');
});

t.test('rejects unreadable payloads with a positioned parse error that quotes no content', async (t) => {
  const truncated = envelope(['NM1*IL*1*TESTPATIENT*ALEX****MI*ZZZ000000001', 'EB*1**30']);
  const cases: [string, string][] = [
    ['empty payload', ''],
    ['no ISA', 'GS*HB*S*R~ST*271*1~'],
    ['ISA too short', 'ISA*00*  *00~'],
    ['ISA without terminator', envelope([]).slice(0, 105)],
    ['no ST', envelope([]).replace(/ST\*271\*0001\*005010X279A1~/, '').replace(/SE\*2\*0001~/, '')],
    ['truncated inside the transaction', truncated.slice(0, truncated.indexOf('EB*1') + 4)],
  ];
  for (const [name, payload] of cases) {
    try {
      readX12(payload);
      t.fail(`${name}: expected a parse error`);
    } catch (error) {
      t.ok(error instanceof DomainError, name);
      const e = error as DomainError;
      t.equal(e.code, 'format.parse-error', name);
      t.type(e.meta.position, 'number', `${name}: has a position`);
      t.notMatch(e.message, /TESTPATIENT|ZZZ000000001/, `${name}: no PHI in the message`);
    }
  }
});

t.test('keeps trailing empty elements readable', async (t) => {
  const seg = readX12(fixture('imsweb_x271.txt')).transactions[0]!.segments.find((s) => s.id === 'EB')!;
  t.equal(seg.get('EB05'), 'GOLD 123 PLAN');
  t.equal(seg.elements.length, 14, 'EB*1**30**GOLD 123 PLAN******** keeps its 13 elements');
});
