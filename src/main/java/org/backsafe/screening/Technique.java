package org.backsafe.screening;

/** The twelve techniques every result gives a verdict on, always all of them, in this order. */
public enum Technique {

	SWEDISH, DEEP_TISSUE, TRIGGER_POINT, MYOFASCIAL_RELEASE, SHIATSU, HOT_STONE, FOAM_ROLLING, MASSAGE_BALL,
	TENNIS_BALL, HAND_MASSAGE, STRETCHING, HEAT_THERAPY

}
