/**
 * Reading labelled clips for {@code earshot train} and the evaluation: the labels file and decoding
 * through the product's file sources.
 */
package org.earshot.app.train;
