"""Integer lookups that find nothing, instead of crashing SQLite, past 64 bits.

Django 5 already answers `IntegerField` exact/lt/gt lookups out of a column's range
with "no row" (IntegerFieldOverflow), and PostgreSQL compares such a number as a
numeric. Two lookups escaped it, and SQLite's driver raises OverflowError (a 500) on
them: `exact` through a relation — `agency_id=…`, and `pk=…` on a Wagtail page type,
whose key is the `page_ptr` one-to-one — and `in`. Forms build those lookups from what
a visitor sent: ModelChoiceField, Wagtail's page choosers, a filter on a foreign key.
The lookups below drop a value no 64-bit column holds (decision 0078); registered once
by CoreConfig.ready().
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In

from kiosque.core.bounds import fits_int64


class RelatedExactWithin64Bits(RelatedExact):
    def process_rhs(self, compiler, connection):
        if not fits_int64(self.rhs):
            raise EmptyResultSet  # the same answer as IntegerFieldExact: no row
        return super().process_rhs(compiler, connection)


class _InWithin64Bits:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            # A value no column can hold matches no row: dropped (an empty list is
            # Django's own EmptyResultSet).
            self.rhs = [value for value in self.rhs if fits_int64(value)]
        return super().process_rhs(compiler, connection)


class InWithin64Bits(_InWithin64Bits, In):
    pass


class RelatedInWithin64Bits(_InWithin64Bits, RelatedIn):
    pass


def install() -> None:
    ForeignObject.register_lookup(RelatedExactWithin64Bits)
    ForeignObject.register_lookup(RelatedInWithin64Bits)
    IntegerField.register_lookup(InWithin64Bits)
