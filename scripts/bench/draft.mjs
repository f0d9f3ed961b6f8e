// The draft every browser benchmark types into: Sample 1 of sample-proposals.md (a new BPF on
// multilingual content), grown to about three pages with more of the same kind of content.
// `envelope()` is the stored form the editor reads from localStorage; `markdown()` is the same
// text for the baseline page.

export const DRAFT_ID = 'bench-three-pages';
/// The section typed into by the typing benchmarks, and its heading (the textbox's name).
export const TYPED_SECTION = { key: 'objectives', heading: 'Objectives/Goals of the BPF' };

const title = 'Best Practice Forum on Multilingual Content and Universal Acceptance';

const sections = {
  theme: `Most of the next billion Internet users will read and write in languages other than English, yet
many websites, email systems and forms still reject addresses and domain names in local scripts.
This BPF would gather what registries, software makers, governments and communities already do
to make content and identifiers work in every script ("Universal Acceptance"), and what holds them
back.

The issue has been raised in IGF workshops for several years, most recently in sessions on
**meaningful access** and on local content, and the technical standards are mature: internationalised
domain names and email addresses have been specified for more than a decade. What is missing is a
shared picture of *practice*: which organisations made their systems ready, what it cost them, and
which policies helped. Small businesses and local governments in particular lack a place to learn
from peers who have done the work.

The theme is narrowly defined. It does not cover machine translation or content moderation, which
other IGF processes address; it covers the plumbing that lets people use their own languages and
scripts in names, addresses and forms, and the conditions under which local-language content grows.

Three trends make the theme timely. Mobile-first users now outnumber desktop users in every
developing region, and their keyboards default to local scripts. Governments are moving public
services online, where a form that rejects a name or an address shuts a citizen out. And new
generic top-level domains in Arabic, Chinese, Cyrillic, Devanagari and other scripts have been
delegated, yet many of them are still refused by the software that should accept them.`,
  objectives: `- Collect case studies of Universal Acceptance readiness from at least five regions.
- Identify common obstacles: legacy validation code, missing fonts, input methods, policies.
- Describe practices that helped local-language content grow, from public procurement rules to
  community translation projects.
- Offer a short checklist that organisations can apply to their own systems.
- Map which national and regional IGF initiatives already work on the topic, so that their
  findings feed the BPF and the BPF's output reaches their communities.
- Compare the cost of making systems ready early with the cost of fixing them after launch, using
  figures that participants are willing to share.

The BPF collects existing good practice; it does not write new policy. Each objective has a
visible result: a number of case studies, a list of obstacles with examples, a checklist tested by
at least three organisations, and a map of initiatives.`,
  outputs: `A report of about 30 pages with case studies and a one-page checklist, published before the annual
meeting and kept as a living document that can be updated in later years.

The report will have three parts:

1. Case studies, each two pages long, written with the organisations that lived them.
2. A catalogue of obstacles and of the practices that removed them, grouped by kind of system
   (web forms, email, identity systems, content platforms).
3. The checklist, with a short guide to using it and links to the relevant technical standards.

A short summary for policy makers, translated into the six UN languages, will accompany the report.
All material will be published under an open licence so that others can adapt it.

Each case study will follow the same outline, so that readers can compare them: the organisation
and its users, the systems concerned, what went wrong before, what was changed, what it cost, how
long it took, and what the organisation would do differently. Where an organisation agrees, the
case study will also list the tools and test data it used, so that others can repeat its tests.`,
  outreach: `An open call for input on the IGF mailing lists and through national and regional IGF initiatives;
two webinars in different time zones; a session at the annual meeting; and, after publication,
presentations at regional registry and developer meetings, with the checklist translated into the
six UN languages.

To reach people who are not usually part of IGF processes, the co-facilitators will contact
software developer communities, small-business associations and library networks directly, and
will accept input by email, by web form and in interviews, in any of the six UN languages. Each
webinar will be recorded and captioned. The BPF will keep a public page with its timeline, its
draft texts and a summary of every meeting, so that newcomers can join at any point.

After publication, the co-facilitators will present the results at two regional IGFs and at one
technical meeting of domain registries, and will ask the national and regional IGF initiatives to
share the checklist with their communities.

Success will be measured in three ways: the number and regional spread of contributions received,
the number of organisations that test the checklist and report back, and the number of national
and regional initiatives that discuss the results at their own meetings in the following year.`,
  timeframe: `One year: call for input in April and May, case-study interviews in June to August, drafting in
September, public comment in October, final report at the annual meeting.

| phase | months | result |
|---|---|---|
| Call for input | April to May | List of contributors and cases |
| Interviews | June to August | Case studies in draft |
| Drafting | September | Full draft report |
| Public comment | October | Comments and replies |
| Final report | Annual meeting | Report, checklist and summary |

If participants wish to continue the work, the BPF will say so in its annual report and ask the
MAG to renew it for a second year focused on testing the checklist.

The co-facilitators will hold a virtual meeting every two weeks during the interviews and the
drafting, open to anyone on the mailing list, with notes published within a week of each meeting.`,
  'co-facilitators': `The three MAG co-facilitators come from three stakeholder groups and three regions; a fourth,
non-MAG co-facilitator brings the experience of a software company that has made its products ready.`,
};

const coFacilitators = [
  ['Amina Diallo', 'National ICT Agency', 'Government', 'African Group', true],
  ['Rahul Mehta', 'Registry operator', 'Technical Community', 'Asia-Pacific Group', true],
  ['Elena Petrova', 'Digital rights NGO', 'Civil Society', 'Eastern European Group', true],
  ['Jorge Ramírez', 'Software company', 'Private Sector', 'Latin American and Caribbean Group (GRULAC)', false],
];

/** The draft as the editor stores it (schema 2). */
export function envelope() {
  return JSON.stringify({
    schema: 2,
    draft: {
      id: DRAFT_ID,
      kind: 'bpf-new',
      title,
      sections,
      co_facilitators: coFacilitators.map(([name, affiliation, group, region, mag], n) => ({
        name,
        affiliation,
        stakeholder_group: group,
        region,
        mag_member: mag,
        email: `co-facilitator-${n + 1}@example.org`,
      })),
      meeting_date: '2027-03-15',
      meeting_format: 'virtual',
      timeframe_start: '2027-04',
      timeframe_end: '2027-12',
      proposer_name: 'Amina Diallo',
      proposer_email: 'amina.diallo@example.org',
      code_of_conduct: true,
      created_ms: 1_780_000_000_000,
      updated_ms: 1_780_000_000_000,
      revision: 1,
    },
  });
}

/** The same content as one Markdown text, for the baseline's single textarea. */
export function markdown() {
  const table = ['| name | affiliation | stakeholder group | region | MAG |', '|---|---|---|---|---|']
    .concat(coFacilitators.map(([n, a, g, r, m]) => `| ${n} | ${a} | ${g} | ${r} | ${m ? 'yes' : 'no'} |`))
    .join('\n');
  const headings = {
    theme: 'Proposed Theme/Issue for the BPF',
    objectives: TYPED_SECTION.heading,
    outputs: 'Expected Output(s)',
    outreach: 'Outreach and Dissemination Plan/Strategy',
    timeframe: 'Timeframe for the work (1-year or multi-year forecast)',
    'co-facilitators': 'Names of Co-Facilitator(s) (2-3 MAG members + non-MAG members if appropriate)',
  };
  const body = Object.entries(headings).map(([key, heading]) =>
    `## ${heading}\n\n${sections[key]}${key === 'co-facilitators' ? `\n\n${table}` : ''}`);
  return [`# ${title}`, ...body].join('\n\n') + '\n';
}
