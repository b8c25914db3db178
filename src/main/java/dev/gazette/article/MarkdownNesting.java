package dev.gazette.article;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * How deep Markdown may nest: at most {@value #MAX_DEPTH} levels of block quotes, lists, emphasis and links inside one
 * another, in article bodies, editable pages and readers' comments alike.
 * <p>
 * commonmark-java renders (and, for emphasis, parses) recursively, so 12,000 {@code >} characters or {@code - - - …}
 * overflow the stack; a stored piece like that answered 500 on every page that showed it. No real text nests more
 * than a handful of levels. The check runs twice: on the lines before commonmark sees them (quote and list markers
 * at the start of a line), then on the parsed tree, counted without recursion, which also catches nesting by
 * indentation and inline nesting ({@code *a *a *a … a* a* a*}). Whatever is refused here is refused with a message
 * by the field; whatever still fails to render is shown as escaped text.
 */
public final class MarkdownNesting {

	public static final int MAX_DEPTH = 32;

	/** What a writer or reader is told; the same everywhere. */
	public static final String PROBLEM = "Block quotes, lists, emphasis and links can be nested at most " + MAX_DEPTH
			+ " levels deep; this text goes deeper.";

	private MarkdownNesting() {
	}

	/** Whether the text nests deeper than {@link #MAX_DEPTH} for this parser. */
	public static boolean tooDeep(String markdown, Parser parser) {
		return parseWithin(markdown, parser).isEmpty();
	}

	/** The parsed text, or nothing when it nests too deep (or is so deep that parsing itself gives up). */
	public static Optional<Node> parseWithin(String markdown, Parser parser) {
		String text = markdown == null ? "" : markdown;
		return markersAtLineStarts(text) > MAX_DEPTH ? Optional.empty() : parseInlineWithin(text, parser);
	}

	/**
	 * As {@link #parseWithin}, for a parser with every block type switched off (readers' comments), where a line of
	 * {@code >} is text and only emphasis and links nest.
	 */
	public static Optional<Node> parseInlineWithin(String markdown, Parser parser) {
		String text = markdown == null ? "" : markdown;
		Node tree;
		try {
			tree = parser.parse(text);
		}
		catch (StackOverflowError tooDeepToParse) {
			return Optional.empty();
		}
		return depth(tree) > MAX_DEPTH ? Optional.empty() : Optional.of(tree);
	}

	/** The most block quote and list markers that open one line, before any parsing. */
	static int markersAtLineStarts(String text) {
		int deepest = 0;
		for (String line : text.split("\n", -1)) {
			if (!isThematicBreak(line)) {
				deepest = Math.max(deepest, markers(line));
			}
		}
		return deepest;
	}

	/**
	 * A line of three or more of the same {@code -}, {@code *} or {@code _}, spaces between allowed, is a rule, not a
	 * list (checked by hand: a regular expression recurses over a long line).
	 */
	private static boolean isThematicBreak(String line) {
		char mark = 0;
		int count = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == ' ' || c == '\t') {
				continue;
			}
			if (mark == 0 && (c == '-' || c == '*' || c == '_')) {
				mark = c;
			}
			if (c != mark) {
				return false;
			}
			count++;
		}
		return count >= 3;
	}

	private static int markers(String line) {
		int count = 0;
		int at = 0;
		int length = line.length();
		while (true) {
			while (at < length && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
				at++;
			}
			if (at >= length) {
				return count;
			}
			char c = line.charAt(at);
			if (c == '>') {
				at++;
			}
			else if ((c == '-' || c == '*' || c == '+') && endsMarker(line, at + 1)) {
				at++;
			}
			else if (Character.isDigit(c)) {
				int digits = at;
				while (digits < length && digits - at < 9 && Character.isDigit(line.charAt(digits))) {
					digits++;
				}
				if (digits < length && (line.charAt(digits) == '.' || line.charAt(digits) == ')')
						&& endsMarker(line, digits + 1)) {
					at = digits + 1;
				}
				else {
					return count;
				}
			}
			else {
				return count;
			}
			count++;
		}
	}

	private static boolean endsMarker(String line, int at) {
		return at >= line.length() || line.charAt(at) == ' ' || line.charAt(at) == '\t';
	}

	/** Levels of nesting in the tree, counted with a stack of our own so that counting cannot overflow. */
	static int depth(Node root) {
		record Visit(Node node, int levels) {
		}
		int deepest = 0;
		Deque<Visit> pending = new ArrayDeque<>();
		pending.push(new Visit(root, 0));
		while (!pending.isEmpty()) {
			Visit visit = pending.pop();
			int levels = visit.levels() + (nests(visit.node()) ? 1 : 0);
			if (levels > MAX_DEPTH) {
				return levels;
			}
			deepest = Math.max(deepest, levels);
			for (Node child = visit.node().getFirstChild(); child != null; child = child.getNext()) {
				pending.push(new Visit(child, levels));
			}
		}
		return deepest;
	}

	private static boolean nests(Node node) {
		return node instanceof BlockQuote || node instanceof ListBlock || node instanceof Emphasis
				|| node instanceof StrongEmphasis || node instanceof Link || node instanceof Image;
	}
}
