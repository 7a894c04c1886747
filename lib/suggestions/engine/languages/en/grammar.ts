/**
 * English closed word classes the attribution rules consult: what may sit inside a verb group, what
 * ends a noun phrase, which phrases say how or where something was said (the cue's channel) and which
 * say when (skipped between cue and content). Lower-case, straight apostrophes.
 */
const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

export const GRAMMAR = {
  /** Auxiliaries and modals inside a verb group: "has said", "would later tell", "is expected to announce". */
  auxiliaries: set(
    "has have had having will would may might could can should must shall do does did is are was were be been being 's 'd 'll 've",
  ),
  be: set("is are was were be been being 's am"),
  /** Adverbs that may sit in a verb group before the verb ("has consistently said", "also warned"). */
  groupAdverbs: set(
    "also later earlier previously already again then once since often still privately publicly repeatedly " +
      "consistently separately recently even now initially subsequently first last long frequently openly " +
      "explicitly quickly immediately swiftly sharply strongly flatly bluntly angrily quietly formally " +
      "officially vehemently firmly loudly gently sometimes never-", // "never-" never matches: negation is apart
  ),
  /** Manner adverbs after the verb that belong to the cue: "said privately", "told reporters bluntly". */
  afterAdverbs: set(
    "privately publicly separately repeatedly later earlier again firmly flatly bluntly openly explicitly " +
      "candidly anonymously angrily quietly tersely simply sharply emphatically confidently proudly plainly " +
      "succinctly best starkly",
  ),
  negations: set("not n't never neither nor no"),
  /** "is expected to", "is set to": raising frames that join the verb group of the verb after "to". */
  raising: set("expected set due likely poised scheduled slated going about"),
  /** Nouns that make "in a (written) X", "in an X with …" a channel phrase of the cue. */
  channelNouns: set(
    "statement statements interview interviews letter post posting email e-mail talks briefing conference speech " +
      "message tweet filing memo note call remarks testimony address video podcast broadcast op-ed column blog " +
      "communique communiqué release conversation conversations meeting meetings session commentary article essay " +
      "book memoir editorial paper thread newsletter documentary hearing affidavit submission lawsuit sermon " +
      "programme program show appearance comments comment text texts voicemail livestream rally hearing " +
      "op-ed opinion piece filings motion complaint brief ruling order report reports",
  ),
  /** Channels that go with "on": "on Twitter", "on a call", "on CNN". */
  onChannels: set(
    "call calls podcast show programme program broadcast television tv radio website blog air twitter x facebook " +
      "instagram telegram linkedin tiktok youtube threads bluesky truth social media panel stage floor phone " +
      "camera record",
  ),
  /** Channels that go with "at"/"during": "at a news conference", "during a hearing". */
  atChannels: set(
    "conference briefing hearing rally summit meeting session forum event launch ceremony debate interview speech " +
      "call trial gathering roundtable town hall vigil funeral dinner luncheon breakfast convention press",
  ),
  /** Words that say when: skipped between the cue and its content ("said on Tuesday that …"). */
  timeWords: set(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight recently earlier later " +
      "last this late early next week weekend month year night morning evening afternoon ago",
  ),
  months: set(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec",
  ),
  determiners: set(
    "the a an this that these those its their his her our my your some any each every no another neither either few such certain various",
  ),
  possessives: set("his her their its our my your whose"),
  subjectPronouns: set("he she they we i you it who"),
  relativePronouns: set("who which that whom whose"),
  /** Joints between clauses: a later attribution after one of these starts a claim of its own. */
  clauseJoints: set("although though but while whereas yet and as ; because since so if"),
  /** Markers after a comma that end content: ", according to …", ", citing …", ", as quoted by …". */
  trailingMarkers: set("according citing as"),
  /** Verbs a source may join to its report with "and": "said the plan failed and urged …". */
  coordinatedActs: set(
    "urged vowed pledged promised declined refused added called asked appealed demanded warned said told " +
      "insisted noted argued stressed acknowledged announced says urges vows calls warns adds notes argues " +
      "criticized criticised condemned praised accused blamed rejected dismissed pushed threatened",
  ),
  prepositions: set(
    "in on at with of from for by to about during over under after before into near inside within among across " +
      "against between through without per via amid toward towards upon",
  ),
  /** People whose findings are evidence, like a document's: "inspectors found cracks in 11 girders". */
  evidenceAgents: set(
    "inspectors investigators researchers scientists auditors examiners regulators analysts testers experts " +
      "economists pathologists coroner",
  ),
  /** Postmodifiers of descriptors of unnamed sources: "people familiar with", "officials briefed on". */
  postmodifiers: set("familiar close briefed involved knowledgeable based aware informed speaking working"),
} as const;

export type Grammar = typeof GRAMMAR;
