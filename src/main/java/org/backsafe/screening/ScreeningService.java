package org.backsafe.screening;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.rulebase.RuleBase;

import org.springframework.stereotype.Service;

/**
 * Screens one set of answers on the serving rule base. Never throws: when anything fails, the
 * result is the fail-safe one ("see a doctor", no technique offered).
 */
@Service
public class ScreeningService {

	private static final Log logger = LogFactory.getLog(ScreeningService.class);

	private final CurrentRuleBase current;

	public ScreeningService(CurrentRuleBase current) {
		this.current = current;
	}

	public ScreeningResult screen(ScreeningRequest request) {
		RuleBase ruleBase = this.current.serving().orElse(null);
		if (ruleBase == null) {
			logger.error("Screening refused: no rule base is serving");
			return Triage.failed(null);
		}
		try {
			return ruleBase.screen(request);
		}
		catch (RuntimeException | StackOverflowError ex) {
			logger.error("Screening failed on rule base " + ruleBase.version() + "; answered with the fail-safe result",
					ex);
			return Triage.failed(ruleBase.info());
		}
	}

}
