import t from 'tap';
import { authorizationClauses, providerNetworkFromNotes, referralClauses } from './payer-notes.js';

t.test("a note about the inquiring provider's network status is read; general out-of-network wording is not", async (t) => {
  t.match(providerNetworkFromNotes(['PROVIDER IS OUT OF NETWORK']), { network: 'out' });
  t.match(providerNetworkFromNotes(['Provider not in network for this plan']), { network: 'out' });
  t.match(providerNetworkFromNotes(['RENDERING PROVIDER IS NON-PARTICIPATING']), { network: 'out' });
  t.match(providerNetworkFromNotes(['PROVIDER IS A PARTICIPATING PROVIDER']), { network: 'in' });
  t.match(providerNetworkFromNotes(['Provider is in-network']), { network: 'in' });
  t.equal(providerNetworkFromNotes(['OUT OF NETWORK PROVIDERS MAY BALANCE BILL']), undefined);
  t.equal(providerNetworkFromNotes(['IN NETWORK PROVIDER COPAY $20']), undefined);
  t.equal(providerNetworkFromNotes(['PROVIDER IS IN NETWORK', 'PROVIDER IS OUT OF NETWORK']), undefined, 'notes that disagree say nothing');
  t.equal(providerNetworkFromNotes([]), undefined);
  // Cigna states it on the plan line for the NPI in the request.
  t.match(providerNetworkFromNotes(['Healthcare professional is in network based on NPI ID provided in request.']), { network: 'in' });
  t.match(providerNetworkFromNotes(['Health care professional is out of network based on NPI ID provided in request.']), { network: 'out' });
  t.equal(providerNetworkFromNotes(['Contact a healthcare professional in network']), undefined);
});

t.test('referral and authorization wording is read clause by clause', async (t) => {
  t.same(referralClauses('REFERRAL REQUIRED; PRIOR AUTHORIZATION NOT REQUIRED'), { yes: true, no: false });
  t.same(authorizationClauses('REFERRAL REQUIRED; PRIOR AUTHORIZATION NOT REQUIRED'), { yes: false, no: true });
  t.same(authorizationClauses('PRECERTIFICATION REQUIRED FOR IOP'), { yes: true, no: false });
  t.same(authorizationClauses('Prior authorization may be required'), { yes: true, no: false });
  t.same(authorizationClauses('No precert needed for office visits. Precert required for IOP'), { yes: true, no: true });
  t.same(authorizationClauses('Certification of eligibility on file'), { yes: false, no: false });
});
