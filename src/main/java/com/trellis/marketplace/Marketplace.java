package com.trellis.marketplace;

import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marketplace module's facade: the transactions and each partner's velocity in the
 * viewer's scope (a partner user its own partner, a PAM its book, admins and executives
 * the program; others are refused before anything is read).
 */
@Service
public class Marketplace {

	private final MarketplaceRepository repository;

	Marketplace(MarketplaceRepository repository) {
		this.repository = repository;
	}

	/**
	 * One page of the transactions, of one partner (404 when it is not the viewer's to
	 * read) or of all in scope, oldest first; the page is read after the scope is
	 * checked.
	 */
	@Transactional(readOnly = true)
	public PageResult<MarketplaceTransaction> transactions(Viewer viewer, Long partnerId, Integer pageNumber,
			Integer size) {
		var scope = MarketplaceScope.of(viewer);
		if (partnerId != null && !this.repository.inScope(scope, partnerId)) {
			throw new NotFoundException("Partner", partnerId);
		}
		var page = PageRequest.of(pageNumber, size);
		return new PageResult<>(this.repository.page(scope, partnerId, page.size(), page.offset()), page.page(),
				page.size(), this.repository.count(scope, partnerId));
	}

	/**
	 * The velocity of each partner in scope with marketplace transactions in the 180 days
	 * up to the day, the highest amount of the last 90 days first; partners without any
	 * are absent ({@link #none}).
	 */
	@Transactional(readOnly = true)
	public List<MarketplaceVelocity> velocity(Viewer viewer, LocalDate asOf) {
		return this.repository.velocity(MarketplaceScope.of(viewer), asOf);
	}

	/** The velocity of a partner without transactions in the 180 days up to the day. */
	public static MarketplaceVelocity none(long partnerId, String name, LocalDate asOf) {
		return MarketplaceVelocity.none(partnerId, name, asOf, com.trellis.shared.ReportingCurrency.CODE);
	}

}
