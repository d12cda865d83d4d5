package org.backsafe.screening;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backsafe.screening.facts.Advice;
import org.backsafe.screening.facts.Answer;
import org.backsafe.screening.facts.Indication;
import org.backsafe.screening.facts.MassagePlan;
import org.backsafe.screening.facts.Pain;
import org.backsafe.screening.facts.Person;
import org.backsafe.screening.facts.ProfessionalOnly;
import org.backsafe.screening.facts.Referral;
import org.backsafe.screening.facts.ReportedPattern;
import org.backsafe.screening.facts.Restriction;
import org.backsafe.screening.facts.RuleMetadata;
import org.backsafe.screening.facts.RuleOutput;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Runs the rules on one set of answers: a fresh session per screening, always disposed. Every
 * object a rule inserts is stamped with that rule's id and source as it is inserted.
 */
public final class ScreeningEngine {

	/** More firings than this means a rule is looping: the screening fails rather than hangs. */
	public static final int FIRING_LIMIT = 10_000;

	private ScreeningEngine() {
	}

	public static Findings run(KieBase kieBase, ScreeningRequest request) {
		KieSession session = kieBase.newKieSession();
		try {
			Set<String> fired = new LinkedHashSet<>();
			session.addEventListener(new DefaultRuleRuntimeEventListener() {
				@Override
				public void objectInserted(ObjectInsertedEvent event) {
					if (event.getRule() != null && event.getObject() instanceof RuleOutput output) {
						output.stampWith(event.getRule());
					}
				}
			});
			session.addEventListener(new DefaultAgendaEventListener() {
				@Override
				public void afterMatchFired(AfterMatchFiredEvent event) {
					String id = RuleMetadata.id(event.getMatch().getRule());
					fired.add(id != null ? id : event.getMatch().getRule().getName());
				}
			});
			insertFacts(session, request);
			int firings = session.fireAllRules(FIRING_LIMIT);
			if (firings >= FIRING_LIMIT) {
				throw new IllegalStateException(
						"the rules fired " + firings + " times without settling; a rule may be looping");
			}
			List<Referral> referrals = new ArrayList<>();
			List<Restriction> restrictions = new ArrayList<>();
			List<Indication> indications = new ArrayList<>();
			List<Advice> advice = new ArrayList<>();
			List<ProfessionalOnly> professionalOnly = new ArrayList<>();
			for (Object fact : session.getObjects()) {
				if (fact instanceof Referral r) {
					referrals.add(r);
				}
				else if (fact instanceof Restriction r) {
					restrictions.add(r);
				}
				else if (fact instanceof Indication i) {
					indications.add(i);
				}
				else if (fact instanceof Advice a) {
					advice.add(a);
				}
				else if (fact instanceof ProfessionalOnly p) {
					professionalOnly.add(p);
				}
			}
			return new Findings(referrals, restrictions, indications, advice, professionalOnly, fired);
		}
		finally {
			session.dispose();
		}
	}

	private static void insertFacts(KieSession session, ScreeningRequest request) {
		session.insert(new Person(request.age()));
		for (Map.Entry<HealthQuestion, Response> answer : request.answers().entrySet()) {
			session.insert(new Answer(answer.getKey(), answer.getValue()));
		}
		session.insert(new Pain(request.pain()));
		request.pain().patterns().forEach((p) -> session.insert(new ReportedPattern(p)));
		session.insert(new MassagePlan(request.setting(), request.equipment()));
	}

}
