using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EdgePortal.Portal.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks (an integer SQLite can sort) and reads it back as UTC.</summary>
public sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
