package org.backsafe.screening;

/** What the pain is like or what the person wants from massage: these point to techniques. */
public enum PainPattern {

	LONG_DAY_FATIGUE, GENERAL_STIFFNESS, PREVENTION, STRESS_TENSION, KNOTS, SPORTS_INJURY_RECOVERY, SHARP_ONE_SPOT,
	RADIATES_FROM_POINT, TENSION_HEADACHE, COLD_WEATHER_STIFFNESS, MUSCLE_SPASM, PREFERS_RHYTHMIC_PRESSURE

}
