package dev.gazette.moderation.classifier;

import java.util.Set;

/**
 * Three small word classes that tell the model who a sentence is about and what it says of them, so that what it
 * learns about one people or one insult carries over to the rest (feature version {@link FeatureSettings#lexicon()}
 * 1).
 * <ul>
 * <li><b>Group</b>: names of peoples, nationalities, faiths, ethnicities, migrants, genders, orientations and
 * disabilities. Every one of them becomes the same token, “(group)”: the model cannot tell “Armenians” from “Kurds”
 * and so can give neither a weight of its own. “My Kurdish neighbours” and “my Armenian neighbours” are the same
 * features, and so are “Kurds are vermin” and “Armenians are vermin”: an attack learnt on one people is caught on all
 * of them, and the name of a people in a civil comment carries nothing. This is the unintended-bias remedy of
 * identity-term abstraction (Dixon et al. 2018 name the problem; counterfactual augmentation, {@link Counterfactuals},
 * is the other half and still covers the terms left out here).</li>
 * <li><b>Dehumanising</b>: words that cast people as vermin, animals, dirt or disease. They keep their own features
 * and also count as “(dehumanising)”, so that a rarer one (“maggots”, “lice”) borrows from the common ones.</li>
 * <li><b>You</b>: the second person. Keeps its own features and also counts as “(you)”.</li>
 * <li><b>Reporting</b>: reported speech and complaints to the moderators (“wrote”, “called”, “should be banned”). Keep
 * their own features and also count as “(reporting)”.</li>
 * </ul>
 * On top of that, each sentence in which a group or the second person meets a dehumanising word gets one feature for
 * that meeting (“(group)×(dehumanising)”, “(you)×(dehumanising)”): the shape of “X are vermin” and of “you rats”,
 * whatever the words; and one where such an attack is reported (“(reporting)×(dehumanising)”): the shape of “the
 * commenter who wrote that X are vermin should be banned”, which quotes an attack in order to report it. “The dam flooded the rats' nests” has no group in it; “my Armenian grandmother kept a dog” is
 * one sentence with both, and the model learns from the civil rows that such a meeting alone is not enough.
 * <p>
 * Words are matched as whole {@link TextNormalizer normalised} tokens (lower case, folded, apostrophes dropped). Words
 * that are also ordinary English in most of their uses (“black”, “white”, “polish”, “blind”, “men”, “turkey”) are
 * left out of the group class; counterfactual augmentation covers them.
 */
final class Lexicon {

	enum Kind {
		NONE, GROUP, DEHUMANISING, YOU, REPORTING
	}

	private static final Set<String> GROUP = Set.of(
			// the demo's peoples and their neighbours
			"arvanian", "arvanians", "arvania", "kesthari", "kestharis",
			// the Caucasus and around it
			"armenian", "armenians", "azerbaijani", "azerbaijanis", "azeri", "azeris", "georgian", "georgians",
			"chechen", "chechens", "lezgin", "lezgins", "talysh", "circassian", "circassians", "ingush", "ossetian",
			"ossetians", "abkhaz", "dagestani", "dagestanis",
			// the Middle East
			"jew", "jews", "jewish", "israeli", "israelis", "palestinian", "palestinians", "arab", "arabs", "kurd",
			"kurds", "kurdish", "turk", "turks", "turkish", "iranian", "iranians", "persian", "persians", "assyrian",
			"assyrians", "yazidi", "yazidis", "druze", "lebanese", "syrian", "syrians", "iraqi", "iraqis", "egyptian",
			"egyptians", "saudi", "saudis", "bedouin", "bedouins", "jordanian", "jordanians", "yemeni", "yemenis",
			// Europe
			"russian", "russians", "ukrainian", "ukrainians", "belarusian", "belarusians", "greek", "greeks",
			"bulgarian", "bulgarians", "romanian", "romanians", "german", "germans", "brit", "brits", "british",
			"english", "scots", "scottish", "welsh", "irish", "french", "italian", "italians", "spaniard", "spaniards",
			"dutch", "serb", "serbs", "serbian", "serbians", "bosnian", "bosnians", "bosniak", "bosniaks", "croat",
			"croats", "croatian", "croatians", "albanian", "albanians", "kosovar", "kosovars", "hungarian",
			"hungarians", "tatar", "tatars", "roma", "romani", "gypsy", "gypsies", "europeans", "european",
			"lithuanians", "latvians", "estonians", "moldovans",
			// Asia, Africa, the Americas
			"kazakh", "kazakhs", "uzbek", "uzbeks", "tajik", "tajiks", "afghan", "afghans", "pakistani", "pakistanis",
			"indian", "indians", "chinese", "japanese", "korean", "koreans", "vietnamese", "filipino", "filipinos",
			"asian", "asians", "african", "africans", "nigerian", "nigerians", "somali", "somalis", "ethiopian",
			"ethiopians", "eritrean", "eritreans", "sudanese", "moroccan", "moroccans", "algerian", "algerians",
			"mexican", "mexicans", "latino", "latinos", "latina", "latinas", "hispanic", "hispanics", "american",
			"americans",
			// faiths and none
			"muslim", "muslims", "moslem", "moslems", "christian", "christians", "catholic", "catholics", "protestant",
			"protestants", "hindu", "hindus", "sikh", "sikhs", "buddhist", "buddhists", "atheist", "atheists",
			"mormon", "mormons", "shia", "shias", "shiite", "shiites", "sunni", "sunnis", "alevi", "alevis",
			// migrants
			"immigrant", "immigrants", "migrant", "migrants", "refugee", "refugees", "foreigner", "foreigners",
			"asylum-seekers",
			// genders, orientations, disabilities
			"women", "woman", "gay", "gays", "lesbian", "lesbians", "bisexual", "bisexuals", "transgender", "trans",
			"queer", "queers", "disabled", "autistic");

	private static final Set<String> DEHUMANISING = Set.of("vermin", "rat", "rats", "cockroach", "cockroaches",
			"roaches", "parasite", "parasites", "parasitic", "lice", "louse", "maggot", "maggots", "leech", "leeches",
			"animal", "animals", "beast", "beasts", "savage", "savages", "barbarian", "barbarians", "subhuman",
			"subhumans", "untermenschen", "ape", "apes", "monkey", "monkeys", "pig", "pigs", "swine", "filth", "filthy",
			"scum", "plague", "infestation", "infested", "infest", "breed", "breeding", "caveman", "cavemen", "caves",
			"primitive", "primitives", "mongrel", "mongrels", "horde", "hordes", "snake", "snakes", "worm", "worms",
			"insects", "troglodytes", "neanderthals", "orcs", "goatherds", "hyenas", "jackals", "locusts", "pests",
			"pest", "stinking", "unclean", "cancer");

	private static final Set<String> YOU = Set.of("you", "your", "youre", "yours", "yourself", "yourselves", "u",
			"ur", "ya", "yall", "thou");

	/**
	 * Words of reported speech and of complaint to the moderators: “the commenter who wrote that X are vermin should be
	 * banned” quotes an attack in order to report it.
	 */
	private static final Set<String> REPORTING = Set.of("wrote", "writes", "written", "said", "says", "saying",
			"called", "calling", "claimed", "claiming", "quote", "quoted", "quoting", "reported", "reporting",
			"banned", "ban", "moderators", "moderator", "mods", "removed", "remove", "flagged", "chanted", "chanting",
			"shouted", "posted", "commenter", "unacceptable", "disgusting");

	private Lexicon() {
	}

	/** The class of a normalised token. */
	static Kind kindOf(String token) {
		if (GROUP.contains(token)) {
			return Kind.GROUP;
		}
		if (DEHUMANISING.contains(token)) {
			return Kind.DEHUMANISING;
		}
		if (YOU.contains(token)) {
			return Kind.YOU;
		}
		return REPORTING.contains(token) ? Kind.REPORTING : Kind.NONE;
	}
}
