package org.backsafe.rulebase;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.backsafe.rulebase.ImpactReport.Change;
import org.backsafe.rulebase.ImpactReport.Direction;
import org.backsafe.screening.HealthQuestion;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The reviewed acknowledgements of less cautious changes, kept in {@code acknowledgements/*.yaml}
 * in the rules folder. Each file holds one acknowledgement, or a list of them:
 *
 * <pre>
 * - from: 3f2a9c0d1e4b          # the version serving before the change
 *   to: 9b8c7d6e5f4a            # the version the change makes (acknowledgements are not part of it)
 *   kind: DISPOSITION_MILDER    # one less cautious kind of change, as the report names it
 *   codes: [PAIN_AFTER_MINOR_FALL]  # exactly the codes the report gives for it
 *   reviewedBy: Dr A. Example
 *   reason: why this change is clinically right
 * </pre>
 *
 * An acknowledgement admits a change only when all four of from, to, kind and codes match it, so one
 * written for an earlier edit admits nothing later. Old acknowledgements may stay in the folder.
 */
final class Acknowledgements {

	private static final List<String> FIELDS = List.of("from", "to", "kind", "codes", "reviewedBy", "reason");

	/** One acknowledgement, and where it is written. */
	record Acknowledgement(String file, int line, String from, String to, ImpactReport.Kind kind, Set<String> codes,
			String reviewedBy, String reason) {

		String where() {
			return this.file + ":" + this.line;
		}

	}

	/** What was read: the acknowledgements, and what is wrong with the files that cannot be used. */
	record Read(List<Acknowledgement> acknowledgements, List<RuleProblem> problems) {
	}

	private Acknowledgements() {
	}

	static Read read(RuleFiles files) {
		List<Acknowledgement> acknowledgements = new ArrayList<>();
		List<RuleProblem> problems = new ArrayList<>();
		files.all().keySet().stream().filter((name) -> name.startsWith(RuleFiles.ACKNOWLEDGEMENTS)).forEach((name) -> {
			try {
				acknowledgements.addAll(parse(name, files.text(name)));
			}
			catch (Malformed ex) {
				problems.add(new RuleProblem(RuleProblem.Kind.IMPACT, name, ex.line, 0,
						"this acknowledgement cannot be used: " + ex.getMessage()));
			}
		});
		return new Read(acknowledgements, problems);
	}

	static List<Acknowledgement> parse(String file, String text) {
		Node tree;
		try {
			tree = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			throw new Malformed(ex.getProblemMark().getLine() + 1, "not valid YAML: " + ex.getProblem());
		}
		catch (YAMLException ex) {
			throw new Malformed(1, "not valid YAML: " + ex.getMessage());
		}
		if (tree == null) {
			throw new Malformed(1, "the file is empty; write " + String.join(", ", FIELDS));
		}
		List<Node> items = tree instanceof SequenceNode list ? list.getValue() : List.of(tree);
		List<Acknowledgement> read = new ArrayList<>();
		for (Node item : items) {
			read.add(acknowledgement(file, item));
		}
		return read;
	}

	private static Acknowledgement acknowledgement(String file, Node node) {
		int line = line(node);
		if (!(node instanceof MappingNode mapping)) {
			throw new Malformed(line, "an acknowledgement has the fields " + String.join(", ", FIELDS));
		}
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
			if (!FIELDS.contains(key)) {
				throw new Malformed(line(tuple.getKeyNode()),
						"unknown field \"" + key + "\"; the fields are " + String.join(", ", FIELDS));
			}
			fields.put(key, tuple.getValueNode());
		}
		for (String field : FIELDS) {
			if (!fields.containsKey(field)) {
				throw new Malformed(line, "the field \"" + field + "\" is missing");
			}
		}
		String from = text(fields.get("from"), "from");
		String to = text(fields.get("to"), "to");
		for (String version : List.of(from, to)) {
			if (!version.matches("[0-9a-f]{12}")) {
				throw new Malformed(line(fields.get(version.equals(from) ? "from" : "to")), "\"" + version
						+ "\" is not a version: a version is the 12 hex digits the report names");
			}
		}
		String kindText = text(fields.get("kind"), "kind");
		ImpactReport.Kind kind;
		try {
			kind = ImpactReport.Kind.valueOf(kindText);
		}
		catch (IllegalArgumentException ex) {
			kind = null;
		}
		if (kind == null || kind.direction() != Direction.LESS_CAUTIOUS) {
			throw new Malformed(line(fields.get("kind")), "unknown kind \"" + kindText
					+ "\"; a less cautious change is one of " + lessCautiousKinds());
		}
		if (!(fields.get("codes") instanceof SequenceNode codeList)) {
			throw new Malformed(line(fields.get("codes")), "codes is a list, e.g. [PAIN_AFTER_MINOR_FALL], or []");
		}
		Set<String> codes = new TreeSet<>();
		for (Node code : codeList.getValue()) {
			String name = text(code, "codes");
			try {
				HealthQuestion.valueOf(name);
			}
			catch (IllegalArgumentException ex) {
				throw new Malformed(line(code), "unknown code \"" + name + "\" in codes");
			}
			codes.add(name);
		}
		return new Acknowledgement(file, line, from, to, kind, codes, text(fields.get("reviewedBy"), "reviewedBy"),
				text(fields.get("reason"), "reason"));
	}

	private static List<String> lessCautiousKinds() {
		return Arrays.stream(ImpactReport.Kind.values())
			.filter((k) -> k.direction() == Direction.LESS_CAUTIOUS)
			.map(Enum::name)
			.toList();
	}

	private static String text(Node node, String field) {
		if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
			throw new Malformed(line(node), "the field \"" + field + "\" must be a non-empty text");
		}
		return scalar.getValue().strip();
	}

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	/**
	 * Marks each less cautious change that an acknowledgement names exactly; for each one left, a
	 * problem that gives the change and says why no acknowledgement counted (stale or mismatched).
	 */
	static Matched match(ImpactReport report, List<Acknowledgement> acknowledgements) {
		List<Change> changes = new ArrayList<>();
		List<RuleProblem> problems = new ArrayList<>();
		for (Change change : report.changes()) {
			if (change.direction() != Direction.LESS_CAUTIOUS) {
				changes.add(change);
				continue;
			}
			Set<String> codes = new TreeSet<>(change.codes());
			Acknowledgement exact = acknowledgements.stream()
				.filter((a) -> a.from().equals(report.from()) && a.to().equals(report.to()) && a.kind() == change.kind()
						&& a.codes().equals(codes))
				.findFirst()
				.orElse(null);
			if (exact != null) {
				changes.add(change.acknowledged(exact.file() + ", reviewed by " + exact.reviewedBy() + ": " + exact.reason()));
				continue;
			}
			changes.add(change);
			Set<String> why = new LinkedHashSet<>();
			for (Acknowledgement a : acknowledgements) {
				boolean sameChange = a.kind() == change.kind() && a.codes().equals(codes);
				boolean sameVersions = a.from().equals(report.from()) && a.to().equals(report.to());
				if (sameChange) {
					why.add(a.where() + " is stale: it acknowledges " + a.from() + " -> " + a.to() + ", this change is "
							+ report.from() + " -> " + report.to());
				}
				else if (sameVersions) {
					why.add(a.where() + " does not match: it acknowledges " + a.kind() + " " + a.codes()
							+ ", this change is " + change.kind() + " " + codes);
				}
			}
			problems.add(RuleProblem.of(RuleProblem.Kind.IMPACT, null,
					"less cautious, not acknowledged: " + change.headline() + " (the impact report gives its smallest"
							+ " example)"
							+ (why.isEmpty() ? "" : "\n      " + String.join("\n      ", why))
							+ "\n      to admit it, a reviewer adds to " + RuleFiles.ACKNOWLEDGEMENTS + " a file with:"
							+ " {from: " + report.from() + ", to: " + report.to() + ", kind: " + change.kind()
							+ ", codes: " + codes + ", reviewedBy: ..., reason: ...}"));
		}
		return new Matched(report.withChanges(changes), problems);
	}

	/** The report with the acknowledged changes marked, and a problem for each one left. */
	record Matched(ImpactReport report, List<RuleProblem> problems) {
	}

	private static final class Malformed extends RuntimeException {

		final int line;

		Malformed(int line, String message) {
			super(message);
			this.line = line;
		}

	}

}
