package org.backsafe.kiosk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Reason;
import org.backsafe.screening.Response;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Verdict;

/** Answers and a result with every kind of part filled in, to check that storage keeps them whole. */
final class Samples {

	private Samples() {
	}

	static ScreeningRequest answers() {
		return new ScreeningRequest(52, Map.of(HealthQuestion.EPILEPSY, Response.YES, HealthQuestion.PREGNANCY,
				Response.UNSURE),
				new PainProfile(Set.of(PainArea.LOWER_BACK, PainArea.UPPER_BACK), PainDuration.CHRONIC, 6, false,
						Set.of(PainPattern.KNOTS)),
				org.backsafe.screening.Setting.SELF, Set.of(Equipment.FOAM_ROLLER));
	}

	static ScreeningResult result() {
		List<TechniqueVerdict> techniques = new ArrayList<>();
		for (Technique technique : Technique.values()) {
			techniques.add(new TechniqueVerdict(technique, Verdict.AVOID, technique == Technique.DEEP_TISSUE,
					List.of(new Reason("no-technique-before-doctor", "Triage practice", null)),
					List.of(new Reason("how-" + technique.name(), "000_e142765fd6634e76.txt, Heat Therapy", null))));
		}
		return new ScreeningResult(Disposition.SEE_DOCTOR, null,
				List.of(new Reason("unsure-counts-as-yes", "Clinical pack", HealthQuestion.PREGNANCY),
						new Reason("deep-tissue-epilepsy", "000_e142765fd6634e76.txt, Deep Tissue Massage",
								HealthQuestion.EPILEPSY)),
				techniques, List.of(new Reason("stop-if-sharp-pain", "001_3749b9a02460a9d9.txt, Safety Tip", null)),
				new RuleBaseInfo("abc123", Instant.parse("2026-01-02T03:04:05Z")), true, Set.of("deep-tissue-epilepsy"));
	}

}
