package org.backsafe.staff;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the BCrypt hash of a password, for {@code backsafe.staff.users.<name>=<hash>}. Reads the
 * password without echo from the terminal (or one line from standard input), so it stays out of the
 * shell history. Run from the built jar (see the README):
 * {@code java -cp target/backsafe.jar org.backsafe.staff.StaffPasswordHash}
 */
public final class StaffPasswordHash {

	static final int MIN_LENGTH = 12;

	private StaffPasswordHash() {
	}

	public static void main(String[] args) throws IOException {
		Console console = System.console();
		String password;
		if (console != null) {
			char[] typed = console.readPassword("Password for a Backsafe staff user (at least %d characters): ",
					MIN_LENGTH);
			char[] again = console.readPassword("The same password again: ");
			if (typed == null || again == null || !new String(typed).equals(new String(again))) {
				System.err.println("The two passwords differ; nothing was hashed.");
				System.exit(1);
				return;
			}
			password = new String(typed);
		}
		else {
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			password = in.readLine();
		}
		if (password == null || password.length() < MIN_LENGTH) {
			System.err.println("Use a password of at least " + MIN_LENGTH + " characters; nothing was hashed.");
			System.exit(1);
			return;
		}
		System.out.println(new BCryptPasswordEncoder(12).encode(password));
	}

}
