/**
 * A small English → German bridge of common news words. The corpus is German and, offline, there is no
 * translation model; this general vocabulary (politics, conflict, economy, time, size, countries) lets an
 * English question reach German sentences. Names and cognates ("experts" → "Experten") need no entry:
 * the fuzzy term matcher finds them.
 */
const ENTRIES: Readonly<Record<string, string>> = {
  // politics and state
  government: "Regierung", president: "Präsident", chancellor: "Kanzler", minister: "Minister",
  ministry: "Ministerium", prime: "Premier Ministerpräsident Premierminister", spokesman: "Sprecher", spokesperson: "Sprecher", spokeswoman: "Sprecherin",
  parliament: "Parlament", election: "Wahl", elections: "Wahlen", vote: "Abstimmung Stimme", voters: "Wähler",
  party: "Partei", opposition: "Opposition", leader: "Führer Chef Führung", leadership: "Führung", head: "Chef Leiter",
  chief: "Chef", state: "Staat", states: "Staaten", country: "Land Staat", countries: "Länder Land Staaten",
  nation: "Nation Land", republic: "Republik", capital: "Hauptstadt", city: "Stadt", region: "Region",
  regions: "Regionen", border: "Grenze", borders: "grenzt Grenze", neighbour: "Nachbar", neighbor: "Nachbar",
  authorities: "Behörden", authority: "Behörde", official: "Beamter offiziell", officials: "Beamte",
  law: "Gesetz", court: "Gericht", judge: "Richter", constitution: "Verfassung", constitutional: "verfassungsmäßig",
  order: "Ordnung Befehl", command: "Befehl", power: "Macht", ruler: "Herrscher", predecessor: "Vorgänger",
  successor: "Nachfolger", former: "früher ehemalig Ex", ex: "Ex", resign: "zurücktreten", resigned: "zurückgetreten",
  dismissed: "entlassen entließ", fired: "entlassen", removed: "entmachtet abgesetzt", appointed: "ernannt",
  council: "Rat", security: "Sicherheit", defence: "Verteidigung", defense: "Verteidigung", treaty: "Vertrag",
  agreement: "Vereinbarung Abkommen", alliance: "Bündnis Allianz", organisation: "Organisation", organization: "Organisation",
  member: "Mitglied", members: "Mitglieder Mitgliedstaaten", role: "Rolle", position: "Posten Position", post: "Posten",
  office: "Amt", influence: "Einfluss", influential: "einflussreich", authoritarian: "autoritär",
  international: "international", foreign: "ausländisch Ausland", domestic: "inländisch", citizens: "Bürger Staatsbürger",
  citizen: "Bürger", civilians: "Zivilisten", people: "Menschen Leute", population: "Bevölkerung Einwohner",
  inhabitants: "Einwohner", residents: "Einwohner", thank: "danken bedanken Dank", thanks: "Dank bedankte", thanked: "bedankte dankte",
  call: "Telefonat Anruf", phone: "Telefon Telefonat", talks: "Gespräche", meeting: "Treffen", summit: "Gipfel",
  request: "Bitte Anfrage", asked: "Bitten gebeten fragte", help: "Hilfe geholfen helfen", helped: "geholfen",
  // conflict and security
  troops: "Truppen Soldaten", troop: "Truppe", soldiers: "Soldaten", army: "Armee Militär", military: "Militär",
  forces: "Streitkräfte Truppen", peacekeepers: "Friedenstruppen", paratroopers: "Fallschirmjäger",
  deployment: "Einsatz Verlegung Stationierung", deployed: "verlegt stationiert", mission: "Einsatz Mission",
  operation: "Einsatz", withdrawal: "Abzug Rückzug Rückverlegung", withdraw: "abziehen", withdrew: "abgezogen",
  withdrawn: "abgezogen", war: "Krieg", attack: "Angriff", attacks: "Angriffe", fighting: "Kämpfe",
  violence: "Gewalt", violent: "gewaltsam", protest: "Protest", protests: "Proteste", protesters: "Demonstranten",
  demonstration: "Demonstration", demonstrations: "Demonstrationen", riots: "Unruhen", unrest: "Unruhen",
  uprising: "Aufstand", terrorist: "terroristisch Terrorist", terrorists: "Terroristen", gangs: "Banden",
  shoot: "schießen Schuss", shooting: "Schießerei schießen", weapons: "Waffen", police: "Polizei",
  dead: "Tote tot", deaths: "Tote", killed: "getötet Tote", died: "starben gestorben", injured: "Verletzte verletzt",
  wounded: "Verwundete Verletzte", victims: "Opfer", arrested: "festgenommen Festnahmen", arrests: "Festnahmen",
  detained: "festgenommen inhaftiert", prison: "Gefängnis Haft", jailed: "inhaftiert", treason: "Hochverrat",
  intelligence: "Geheimdienst", secret: "geheim", service: "Dienst", crisis: "Krise", situation: "Lage Situation",
  stable: "stabil", stability: "Stabilität", stabilised: "stabilisiert", stabilized: "stabilisiert",
  evacuated: "ausgeflogen evakuiert", evacuation: "Evakuierung", flew: "flog ausgeflogen", peace: "Frieden",
  // economy
  economy: "Wirtschaft", economic: "wirtschaftlich", price: "Preis", prices: "Preise", fuel: "Treibstoff Kraftstoff",
  gas: "Gas", oil: "Öl", energy: "Energie", money: "Geld", currency: "Währung", tax: "Steuer", taxes: "Steuern",
  company: "Unternehmen Firma", companies: "Unternehmen", bank: "Bank", market: "Markt", trade: "Handel",
  rich: "reich", poor: "arm", increase: "Erhöhung Anstieg", doubling: "Verdopplung", doubled: "verdoppelt",
  cost: "Kosten kostet", costs: "Kosten kostet", admission: "Eintritt", entry: "Eintritt Einreise", ticket: "Ticket Karte",
  museum: "Museum", exhibition: "Ausstellung", art: "Kunst", port: "Hafen", harbour: "Hafen", harbor: "Hafen", ship: "Schiff",
  train: "Zug Bahn", railway: "Bahn", accident: "Unfall", school: "Schule", hospital: "Krankenhaus", weather: "Wetter", jobs: "Arbeitsplätze", workers: "Arbeiter", employees: "Mitarbeiter",
  staff: "Mitarbeiter Personal", employee: "Mitarbeiter",
  // people and speech
  expert: "Experte", experts: "Experten", observers: "Beobachter", said: "sagte erklärte", says: "sagt",
  stated: "erklärte", announced: "kündigte angekündigt", reported: "berichtete", according: "zufolge Angaben",
  view: "sehen betrachten Sicht Ansicht", opinion: "Meinung", chance: "Chance", opportunity: "Chance Gelegenheit",
  relevance: "Relevanz", importance: "Bedeutung", important: "wichtig", man: "Mann", woman: "Frau",
  // time
  day: "Tag", days: "Tage", week: "Woche", weeks: "Wochen", month: "Monat", months: "Monate", year: "Jahr",
  years: "Jahre", hour: "Stunde", hours: "Stunden", time: "Zeit", beginning: "Anfang", start: "Anfang Beginn",
  end: "Ende beendet", ended: "beendet", over: "beendet vorbei", long: "lange", longer: "länger", later: "später",
  earlier: "früher", first: "erste", last: "letzte", old: "alt", age: "Alter",
  // size and rank
  large: "groß", largest: "größten größte", biggest: "größten größte", big: "groß", small: "klein",
  smallest: "kleinsten", rank: "Platz Rang", ranks: "Platz Rang", world: "Welt", earth: "Erde", global: "weltweit",
  many: "viele", number: "Zahl Anzahl", hundreds: "Hunderte", thousands: "Tausende", million: "Million Millionen",
  home: "Haus Heim Zuhause Wohnung", homes: "Häuser Wohnungen", house: "Haus", houses: "Häuser", leave: "verlassen",
  left: "verlassen verließen", aid: "Hilfe Soforthilfe", promise: "zusagen versprechen", promised: "zugesagt sagte versprochen",
  commission: "Kommission", flood: "Hochwasser Flut Überschwemmung", floods: "Hochwasser Überschwemmungen",
  rain: "Regen Regenfälle", storm: "Sturm Unwetter", earthquake: "Erdbeben", fire: "Brand Feuer", disaster: "Katastrophe",
  damage: "Schäden Schaden", climate: "Klima", change: "Wandel Änderung", blame: "verantwortlich Schuld",
  responsible: "verantwortlich", helicopters: "Hubschrauber", helicopter: "Hubschrauber",
  // countries and places
  germany: "Deutschland", russia: "Russland", russian: "russisch", china: "China", chinese: "chinesisch",
  ukraine: "Ukraine", france: "Frankreich", britain: "Großbritannien", england: "England", italy: "Italien",
  spain: "Spanien", poland: "Polen", turkey: "Türkei", belarus: "Belarus Weißrussland", armenia: "Armenien",
  tajikistan: "Tadschikistan", kyrgyzstan: "Kirgistan", uzbekistan: "Usbekistan", kazakh: "kasachisch",
  kazakhstan: "Kasachstan", moscow: "Moskau", europe: "Europa", european: "europäisch Europa EU", america: "Amerika",
  american: "amerikanisch", united: "Vereinigte", usa: "USA", austria: "Österreich",
  switzerland: "Schweiz", netherlands: "Niederlande", belgium: "Belgien", denmark: "Dänemark", sweden: "Schweden",
  norway: "Norwegen", finland: "Finnland", greece: "Griechenland", hungary: "Ungarn", romania: "Rumänien",
  bulgaria: "Bulgarien", czech: "Tschechien", slovakia: "Slowakei", slovenia: "Slowenien", croatia: "Kroatien",
  serbia: "Serbien", bosnia: "Bosnien", albania: "Albanien", portugal: "Portugal", ireland: "Irland", scotland: "Schottland",
  lithuania: "Litauen", latvia: "Lettland", estonia: "Estland", georgia: "Georgien", azerbaijan: "Aserbaidschan",
  iran: "Iran", iraq: "Irak", syria: "Syrien", israel: "Israel", egypt: "Ägypten", japan: "Japan", india: "Indien",
  pakistan: "Pakistan", afghanistan: "Afghanistan", mongolia: "Mongolei", korea: "Korea", brazil: "Brasilien",
  mexico: "Mexiko", canada: "Kanada", australia: "Australien", africa: "Afrika", asia: "Asien",
  vienna: "Wien", munich: "München", cologne: "Köln", warsaw: "Warschau", prague: "Prag", rome: "Rom",
  brussels: "Brüssel", athens: "Athen", lisbon: "Lissabon", copenhagen: "Kopenhagen", kremlin: "Kreml", soviet: "Sowjet sowjetisch",
};

/**
 * The German words for an English word (lower case), or none. Used only to widen the search terms of
 * English questions; answers still quote the German sources verbatim.
 *
 * @example
 * germanFor("troops") // ["Truppen", "Soldaten"]
 */
export function germanFor(word: string): readonly string[] {
  const entry = Object.hasOwn(ENTRIES, word) ? ENTRIES[word] : undefined;
  return entry ? entry.split(" ") : [];
}
