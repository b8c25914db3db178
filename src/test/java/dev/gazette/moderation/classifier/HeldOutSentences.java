package dev.gazette.moderation.classifier;

import java.util.List;
import java.util.stream.Stream;

/**
 * Sentences written for the tests, one list per pattern the classifier must get right. None of them is a training row,
 * nor close to one: {@code TrainingLeakTests} fails the build if one turns up in {@code training.csv} or in its
 * counterfactual copies, since a test that checks a sentence the model was trained on measures its memory.
 */
public final class HeldOutSentences {

	/** Dehumanising a people with no swear word at all. */
	public static final List<String> DEHUMANISING = List.of("The Kesthari are a pack of jackals and nothing else.",
			"Lezgins are insects, swat them and move on.", "Honestly the Yazidis are just a herd of goats on two legs.",
			"Those Somalis are a plague of locusts on this city.");

	/** Another reader called a terrorist or a traitor for who they are. */
	public static final List<String> ACCUSED_FOR_WHO_THEY_ARE = List.of(
			"Naturally you take their side, you're Kurdish, a terrorist like the rest of your clan.",
			"You're a traitor to this country simply because you were born Armenian.",
			"Being Azerbaijani makes you a terrorist, whatever you write here.");

	/** Sneering at a reader's nationality or people. */
	public static final List<String> NATIONALITY_SNEERS = List.of(
			"Nobody takes a Georgian seriously, go back to selling churchkhela at the bus station.",
			"What would an Iranian know about freedom, crawl back to your ayatollahs.",
			"Go back to the mountains, Chechen, and take your filthy opinions with you.");

	/** Long, civil comments on a conflict's history that name several peoples with violent vocabulary. */
	public static final List<String> CIVIL_HISTORY = List.of(
			"What the piece leaves out is that the 1990 deportations in the north hit Armenians and Azerbaijanis in "
					+ "turn, that the massacre at the ferry crossing was investigated by a joint commission, and that "
					+ "both governments later called the other's militias terrorists while burning each other's flags "
					+ "at rallies; none of that makes either people guilty.",
			"My great-aunt survived the destruction of the Jewish quarter in 1941, and her Azerbaijani neighbours hid "
					+ "two of her brothers during the deportations; Israeli and Azerbaijani researchers have since "
					+ "collected dozens of such stories.",
			"Palestinians and Israelis each remember massacres the other side committed, and the historians who "
					+ "study both, like the ones interviewed here, are usually the least popular people in either "
					+ "country.");

	/** Short questions to another reader, in the second person, and nothing else. */
	public static final List<String> CIVIL_QUESTIONS = List.of("And you trust everything in that report?",
			"Did you check the date on that photo?", "Are you sure about the name of the village?",
			"Which book would you recommend on this?");

	/** An insult or an attack quoted in order to report or condemn it. */
	public static final List<String> QUOTED_TO_REPORT = List.of(
			"A man on the tram called my daughter a dirty refugee. I reported him to the transport police.",
			"The commenter who wrote that Kurds are vermin should be banned, moderators.");

	/** Harsh criticism of an article, a government, a state or an army. */
	public static final List<String> HARSH_BUT_CIVIL = List.of(
			"This is a lazy article that repeats the government's talking points without checking one of them.",
			"The Azerbaijani state has locked up more reporters this year than ever, and this paper barely noticed.",
			"The Israeli government's settlement policy is illegal under international law.",
			"The Russian army committed war crimes in Bucha, as the UN commission found.",
			"Both ministries lied about the casualty figures, and the inquiry proved it.");

	/**
	 * Civil demands built on “should”, “must” or “ought to”, the form a wished harm takes too (“You should be shot.”).
	 * Written after the model held “The minister should resign.”; the consequences they call for (impeached, voted
	 * out, step down, go) are not among the ones the training rows of that round use (sacked, prosecuted, fined, …).
	 */
	public static final List<String> CIVIL_DEMANDS = List.of("The minister should resign.", "We should all vote.",
			"The gauge readings should be public.", "The ferry timetable should be published every spring.",
			"The wall should go up before the spring tides.", "The festival should move back to the old square.",
			"The prime minister should be impeached for this.", "Parliament should hold an inquiry into the dam.",
			"The army should withdraw from the border villages.", "Someone should ask the mayor why the buses stopped.",
			"You should read the report before commenting.", "The court should hear the case in public.",
			"The ministry should be ashamed of these figures.", "The harbour master must publish the tide tables.",
			"Farmers ought to be compensated for the flooded fields.", "The governor should step down after this scandal.",
			"They should release the footage from that night.", "Honestly, the whole cabinet should go.",
			"The reservoir should be shared fairly between both valleys.",
			"I think you should look at the 2019 figures again.",
			"This government should be voted out at the next election.",
			"The foreign minister needs to answer for the leaked cables.",
			"The Kesthari delegation should be invited to the talks.",
			"Our own side should admit what happened at the bridge.");

	/** Harm wished on a reader, an official or a people, with the same modal verbs. */
	public static final List<String> WISHED_HARM = List.of("You should be shot.", "Someone should shoot the minister.",
			"You should die in a fire.", "The Kesthari should all be drowned in the reservoir.",
			"People like you should be hanged.", "You should kill yourself.", "Somebody should burn his house down.",
			"The mayor deserves a bullet.", "Someone ought to slit the governor's throat.",
			"You should be beaten until you can't type.", "The whole delegation should be blown up on the bridge.",
			"That traitor should be strung up in the square.");

	/**
	 * “The only good X is a dead X”: a call to kill a group with no violent verb, published for every group until
	 * December 2026. The training rows use “the only good X is a dead X” for other groups; these vary the form.
	 */
	public static final List<String> ONLY_GOOD_WHEN_DEAD = List.of("The only good settler is a dead settler.",
			"The best Kurd is a dead Kurd.", "A good Chechen is a dead Chechen.", "The only good Tory is a dead one.",
			"Only good soldier is a dead soldier.");

	/** The same opening, civil. */
	public static final List<String> ONLY_GOOD_CIVIL = List.of(
			"The only good thing about this budget is the school money.", "The only good news today is the ceasefire.");

	/** Short civil comments in other languages than English. */
	public static final List<String> CIVIL_OTHER_LANGUAGES = List.of("Les chiffres de l'article me semblent faux, pouvez-vous vérifier ?",
			"Yazara katılıyorum, emeğinize sağlık.", "תודה על הכתבה, למדתי הרבה.");

	/** Ordinary remarks about using the site. */
	public static final List<String> CIVIL_SITE_REMARKS = List.of("Signed up this morning, glad to join the discussion.",
			"Straight from the front page to the comments, as usual.");

	/**
	 * Civil sentences that name a people; {@code {adj}} and {@code {people}} are filled with every identity term of
	 * the benchmark. Different from the benchmark's own templates.
	 */
	public static final List<String> CIVIL_WITH_ANY_TERM = List.of(
			"Last week I met some {adj} students at the library and we talked about the exhibition for an hour.",
			"The city's oral history project has recorded two hundred interviews with {people} about the 1990s.");

	/** The demo's "go back to their caves" thread (src/main/resources/demo/content.json, c14, c18 and c21). */
	public static final String DEMO_CAVES = "Typical hand-wringing from someone who has never had to defend a border. "
			+ "The Veran rises in Arvania. It falls as Arvanian snow on Arvanian mountains. For a hundred years the "
			+ "Kesthari have been taking it for free, and now they cry because for once we use what is ours. Let them "
			+ "go back to their caves and pray for rain, it's what they're good at.";

	public static final String DEMO_HERD = "Here comes the next one. You want facts? The fact is the Kesthari are a "
			+ "herd, not a nation, and they'll stay in their caves whether the river runs or not. You and Noor can go "
			+ "and live in the caves with them if you love them so much.";

	public static final String DEMO_REPORT = "I've reported this thread. Disagreeing about a dam is fine. Talking about "
			+ "a whole people as if they were animals living in caves is not, and I'd like to think the moderators here "
			+ "agree.";

	private HeldOutSentences() {
	}

	/** Every attack above. */
	public static List<String> attacks() {
		return Stream
			.of(DEHUMANISING, ACCUSED_FOR_WHO_THEY_ARE, NATIONALITY_SNEERS, WISHED_HARM, ONLY_GOOD_WHEN_DEAD,
					List.of(DEMO_CAVES, DEMO_HERD))
			.flatMap(List::stream)
			.toList();
	}

	/** Every civil sentence above, the templates filled with every identity term. */
	public static List<String> civil() {
		Stream<String> filled = IdentityBias.terms()
			.stream()
			.flatMap(term -> CIVIL_WITH_ANY_TERM.stream().map(template -> IdentityBias.fill(template, term)));
		return Stream.concat(Stream.of(CIVIL_HISTORY, CIVIL_QUESTIONS, QUOTED_TO_REPORT, HARSH_BUT_CIVIL,
				CIVIL_OTHER_LANGUAGES, CIVIL_SITE_REMARKS, CIVIL_DEMANDS, ONLY_GOOD_CIVIL,
				List.of(DEMO_REPORT)).flatMap(List::stream), filled).toList();
	}
}
