/**
 * The partner registry: partner organisations, their owning PAM, tier and lifecycle
 * (prospect → onboarding → active → dormant → sunset) with every move recorded.
 */
package com.trellis.partners;
