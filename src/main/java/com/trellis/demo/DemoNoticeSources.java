package com.trellis.demo;

import com.trellis.identity.Users;
import com.trellis.notify.StaffNotices;
import com.trellis.partners.Partners;

import org.springframework.stereotype.Component;

/** The facades {@link DemoNotices} writes and reads through. */
@Component
record DemoNoticeSources(StaffNotices notices, Partners partners, Users users) {
}
