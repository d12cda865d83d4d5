package org.backsafe.staff;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The failed-login counts on the embedded H2, the default database. */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LoginAttemptsTests extends LoginAttemptsChecks {

}
