/** Level metering nodes. */
package org.earshot.detectors.meter;
