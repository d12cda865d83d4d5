package org.backsafe.screening;

import java.util.List;
import java.util.Set;

import org.backsafe.screening.facts.Advice;
import org.backsafe.screening.facts.Indication;
import org.backsafe.screening.facts.ProfessionalOnly;
import org.backsafe.screening.facts.Referral;
import org.backsafe.screening.facts.Restriction;

/** Everything the rules stated in one session, read back after it closed. */
public record Findings(List<Referral> referrals, List<Restriction> restrictions, List<Indication> indications,
		List<Advice> advice, List<ProfessionalOnly> professionalOnly, Set<String> firedRules) {

}
