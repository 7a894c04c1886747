/** Closed word lists for recognising and describing sources. Small on purpose: rules, not a model. */

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, dozen: 12, a: 1, an: 1, another: 1,
};
/** "a third official" is one more individual, not three. */
export const ORDINALS = new Set(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "other", "further", "fellow"]);

/** Head nouns of descriptors for people who are not named. Plural forms mark groups. */
export const PERSON_NOUNS = new Set([
  "official", "officials", "source", "sources", "person", "people", "diplomat", "diplomats", "lawmaker",
  "lawmakers", "legislator", "legislators", "trader", "traders", "aide", "aides", "adviser", "advisers",
  "advisor", "advisors", "analyst", "analysts", "economist", "economists", "insider", "insiders", "member",
  "members", "staffer", "staffers", "employee", "employees", "executive", "executives", "banker", "bankers",
  "investor", "investors", "witness", "witnesses", "resident", "residents", "expert", "experts",
  "negotiator", "negotiators", "officer", "officers", "spokesperson", "spokespersons", "spokesman",
  "spokesmen", "spokeswoman", "representative", "representatives", "someone", "observers", "observer",
  "critics", "critic", "supporters", "activists", "activist", "doctors", "doctor", "medics", "teachers",
  "parents", "workers", "worker", "soldiers", "soldier", "commanders", "commander", "minister", "ministers",
  "politicians", "politician", "campaigners", "organisers", "organizers", "scientists", "researchers",
  "researcher", "scientist", "engineer", "engineers", "colleague", "colleagues", "friend", "friends",
  "relatives", "relative", "neighbours", "neighbors", "students", "student", "protesters", "protester",
  // Roles common in court, business, sport and culture reporting.
  "prosecutor", "prosecutors", "lawyer", "lawyers", "attorney", "attorneys", "barrister", "barristers",
  "solicitor", "solicitors", "judge", "judges", "detective", "detectives", "investigator", "investigators",
  "juror", "jurors", "victim", "victims", "survivor", "survivors", "defendant",
  "manager", "managers", "coach", "coaches", "captain", "player", "players", "striker", "fans", "fan",
  "pundit", "pundits", "chairman", "chairwoman", "chair", "director", "directors", "founder", "owner",
  "owners", "ceo", "executive", "surgeon", "surgeons", "nurse", "nurses", "physiotherapist", "patient",
  "patients", "voters", "voter", "customers", "customer", "shoppers", "passengers", "farmers", "farmer",
  "author", "authors", "writer", "artist", "artists", "singer", "actor", "actress", "curator",
  "historian", "professor", "lecturer", "teacher", "mayor", "governor", "senator", "ambassador",
  "councillor", "councillors", "commissioner", "chancellor", "president", "premier", "secretary",
  "year-old", "mother", "father", "son", "daughter", "wife", "husband", "woman", "women", "man", "men",
]);
export const ORG_NOUNS = new Set([
  "ministry", "bank", "union", "council", "office", "institute", "university", "army", "military", "police",
  "government", "administration", "department", "agency", "company", "party", "alliance", "commission",
  "committee", "court", "parliament", "cabinet", "embassy", "federation", "association", "authority",
  "authorities", "service", "forces", "group", "corporation", "firm", "board", "fund", "organisation",
  "organization", "team", "club", "league", "church", "hospital", "school", "regulator", "watchdog",
  "senate", "congress", "navy", "coalition", "opposition", "movement", "foundation", "centre", "center",
  "bureau", "inc", "corp", "ltd", "plc", "airline", "ministries", "companies", "banks", "presidency",
  "kremlin", "pentagon", "secretariat", "assembly", "directorate", "command", "prosecutor's", "prosecutors",
]);
export const DOCUMENT_NOUNS = new Set([
  "report", "reports", "statement", "assessment", "study", "survey", "document", "documents", "data",
  "figures", "letter", "filing", "memo", "analysis", "poll", "records", "release", "review", "audit",
  "paper", "estimates", "projections", "minutes", "transcript", "indictment", "complaint", "ruling",
  "judgment", "judgement", "forecast", "note", "notice", "order", "research", "statistics", "findings",
]);
/** Publication-type nouns in "the newspaper X", "the daily X". */
export const OUTLET_NOUNS = new Set([
  "newspaper", "daily", "weekly", "magazine", "broadcaster", "agency", "website", "outlet", "channel",
  "network", "paper", "tabloid", "radio", "television", "station", "site", "publication", "journal",
]);
export const KNOWN_OUTLETS = [
  "Politico", "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "BBC", "CNN", "NPR",
  "New York Times", "Washington Post", "Wall Street Journal", "Financial Times", "Guardian", "Bloomberg",
  "Axios", "Haaretz", "Times of Israel", "Al Jazeera", "Al Arabiya", "Le Monde", "Der Spiegel", "Spiegel",
  "Economist", "Telegraph", "Independent", "The Times", "Sky News", "Fox News", "NBC", "ABC", "CBS",
  "Channel 12", "Kan", "Ynet", "Yedioth Ahronoth", "Jerusalem Post", "Xinhua", "TASS", "Interfax", "DPA",
  "ANSA", "EFE", "Kyodo", "Yonhap", "El País", "Corriere della Sera", "La Repubblica", "Die Zeit", "Süddeutsche Zeitung",
  "Frankfurter Allgemeine", "Le Figaro", "Libération", "NHK", "Nikkei", "South China Morning Post",
  "Times of India", "Hindustan Times", "Dawn", "Guardian", "Observer", "Daily Mail", "The Sun", "Mirror",
  "USA Today", "Los Angeles Times", "Chicago Tribune", "Boston Globe", "Newsweek", "Time", "Vox", "Semafor",
  "Punchbowl News", "The Hill", "Insider", "Business Insider", "CNBC", "MSNBC", "Euronews", "Deutsche Welle",
];
export const KNOWN_OUTLET_SET = new Set(KNOWN_OUTLETS.map((o) => o.toLowerCase()));

/** Nationality or state words mapped to the government they usually stand for in anonymous descriptors. */
export const NATIONALITIES: Record<string, string> = {
  us: "United States government", "u.s.": "United States government", american: "United States government",
  israeli: "Israeli government", british: "British government", uk: "British government",
  french: "French government", german: "German government", russian: "Russian government",
  chinese: "Chinese government", ukrainian: "Ukrainian government", palestinian: "Palestinian Authority",
  egyptian: "Egyptian government", qatari: "Qatari government", iranian: "Iranian government",
  saudi: "Saudi government", turkish: "Turkish government", japanese: "Japanese government",
  indian: "Indian government", italian: "Italian government", spanish: "Spanish government",
  canadian: "Canadian government", european: "European Union", eu: "European Union", nato: "NATO",
  polish: "Polish government", jordanian: "Jordanian government", lebanese: "Lebanese government",
  syrian: "Syrian government", iraqi: "Iraqi government", korean: "Korean government", pakistani: "Pakistani government",
  afghan: "Afghan government", mexican: "Mexican government", brazilian: "Brazilian government",
  australian: "Australian government", dutch: "Dutch government", swedish: "Swedish government",
  western: "Western governments", arab: "Arab governments", emirati: "Emirati government",
};
export const COUNTRIES: Record<string, string> = {
  "united states": "United States government", us: "United States government", "u.s.": "United States government",
  washington: "United States government", israel: "Israeli government", "united kingdom": "British government",
  britain: "British government", france: "French government", germany: "German government",
  russia: "Russian government", china: "Chinese government", ukraine: "Ukrainian government",
  egypt: "Egyptian government", qatar: "Qatari government", iran: "Iranian government", japan: "Japanese government",
  "saudi arabia": "Saudi government", turkey: "Turkish government", india: "Indian government",
  "european union": "European Union", canada: "Canadian government", italy: "Italian government",
  spain: "Spanish government", jordan: "Jordanian government", lebanon: "Lebanese government",
  "white house": "United States government", kremlin: "Russian government",
};
/** Capitalised titles that precede a name and describe a role rather than being part of it. */
export const TITLES = new Set([
  "president", "governor", "minister", "senator", "sen", "rep", "representative", "dr", "mr", "mrs", "ms",
  "prof", "professor", "general", "gen", "judge", "justice", "mayor", "chancellor", "king", "queen",
  "prince", "princess", "sheikh", "secretary", "ambassador", "commissioner", "chairman", "chairwoman",
  "chair", "director", "colonel", "col", "lieutenant", "captain", "admiral", "pope", "bishop", "rabbi",
  "imam", "speaker", "leader", "chief", "inspector", "sergeant", "prime", "deputy", "foreign", "defence",
  "defense", "finance", "interior", "health", "education", "vice", "premier", "coach", "attorney", "spokesman", "spokeswoman",
]);
/** Capitalised words that are never (part of) a person's name: places, calendar, discourse. */
export const NOT_NAME = new Set([
  "the", "a", "an", "this", "that", "these", "those", "however", "but", "and", "although", "though", "while",
  "in", "on", "at", "for", "of", "to", "by", "with", "from", "after", "before", "over", "under", "as", "it",
  "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our", "my", "monday", "tuesday",
  "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
  "june", "july", "august", "september", "october", "november", "december", "strip", "city", "street",
  "sea", "river", "lake", "valley", "island", "islands", "square", "avenue", "road", "harbour", "harbor",
  "bridge", "airport", "station", "park", "county", "province", "region", "north", "south", "east", "west",
  "gulf", "ocean", "mount", "according", "some", "many", "all", "both", "each", "every", "no", "not", "if",
  "when", "where", "what", "why", "how", "there", "here", "then", "so", "yet", "also", "one", "two",
  "three", "four", "five", "ice", "cap", "gmt", "percent", "euro", "euros", "dollar", "dollars",
]);
export const PRONOUNS: Record<string, "singular" | "plural" | "neuter"> = {
  he: "singular", she: "singular", they: "plural", it: "neuter", his: "singular", her: "singular", their: "plural", its: "neuter",
};
