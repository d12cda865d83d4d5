package org.backsafe.rulebase;

/**
 * Rule code that never returns, for tests: a rule calls {@link #forever()} in a condition
 * ({@code eval(Spin.forever())}) or loops on {@link #spinning()} in its consequence, and the thread
 * keeps a core busy, as a real loop would. Java cannot stop such a thread, so that the rest of a test
 * run is not slowed by the ones a test leaves behind, a test {@link #release() releases} them when it
 * ends; nothing in the app does, so the app cannot count on it.
 */
public final class Spin {

	private static volatile boolean released;

	private Spin() {
	}

	/** Loops until released (declared boolean so that a condition can call it in {@code eval}). */
	public static boolean forever() {
		while (!released) {
			Thread.onSpinWait();
		}
		return false;
	}

	/** Returns after two milliseconds: a rule that calls it on every screening is slow, not stuck. */
	public static boolean slowly() {
		try {
			Thread.sleep(2);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return false;
	}

	/** True until released: {@code while (Spin.spinning()) { }} in a consequence never returns. */
	public static boolean spinning() {
		return !released;
	}

	/** Lets every spinning thread go. */
	public static void release() {
		released = true;
	}

	/** Makes the next calls spin again. */
	public static void arm() {
		released = false;
	}

}
