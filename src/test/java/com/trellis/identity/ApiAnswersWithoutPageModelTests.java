package com.trellis.identity;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * An API request gets none of the pages' model: the page advice
 * ({@code @ControllerAdvice} for {@code @Controller}, which a {@code @RestController}
 * also is) no longer builds the navigation or counts a member of staff's unread notices
 * for it. The count is caught by holding a lock on {@code notification} from another
 * connection: an API request that still counted would wait for it (it did before reg31),
 * a page still does.
 */
@TrellisTest
class ApiAnswersWithoutPageModelTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DataSource dataSource;

	@Test
	void aStaffApiRequestDoesNotCountUnreadNotices() throws Exception {
		var world = this.fixtures.world("Page Model Api Partners");
		var api = new Api(this.mvc, this.fixtures.token(world.pam()));
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			lock.createStatement().execute("LOCK TABLE notification IN ACCESS EXCLUSIVE MODE");
			try {
				var answered = CompletableFuture.supplyAsync(() -> {
					try {
						return api.get("/api/v1/registration-rules").andReturn().getResponse().getStatus();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
				assertThat(answered.get(20, TimeUnit.SECONDS)).isEqualTo(200);
			}
			catch (TimeoutException ex) {
				fail("the API request waited for the notification table: it counted unread notices");
			}
			finally {
				lock.rollback();
			}
		}
	}

}
