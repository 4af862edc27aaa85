/**
 * Open building blocks every module may use: money, time, paging, errors and the database
 * bootstrap.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.trellis.shared;
