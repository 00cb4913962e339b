// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QRectF>
#include <QString>
#include <QVariantMap>

namespace th {

using EquipmentId = quint64;
using HallId = quint32;

/// What a placed item references in the catalog.
enum class EquipmentKind { System, Facility };

/**
 * One placed item: a catalog system (a server rack, a supernode, a multi-rack system such as
 * CloudMatrix 384 moved as one group) or a facility unit (UPS, PDU, CRAH, CDU, chiller…).
 *
 * Positions are millimetres in the hall's coordinate system (origin at the hall's top-left
 * inner corner, x east, y south), the top-left of the unrotated footprint, snapped to tiles by
 * the tools. The footprint size comes from the catalog (resolved by model/analysis); the
 * document stores it as last resolved so that a plan whose catalog row is missing still shows
 * the item at its size.
 *
 * Setters are for undo commands only (STYLE.md §4).
 */
class Equipment
{
public:
    Equipment() = default;
    Equipment(EquipmentId id, EquipmentKind kind, QString catalogId)
        : m_id(id)
        , m_kind(kind)
        , m_catalogId(std::move(catalogId))
    {
    }

    EquipmentId id() const { return m_id; }
    EquipmentKind kind() const { return m_kind; }
    const QString &catalogId() const { return m_catalogId; }
    HallId hallId() const { return m_hallId; }
    bool inYard() const { return m_inYard; }
    double xMm() const { return m_xMm; }
    double yMm() const { return m_yMm; }
    int rotationDeg() const { return m_rotationDeg; }
    double widthMm() const { return m_widthMm; }   ///< unrotated footprint, along x at 0 deg
    double depthMm() const { return m_depthMm; }   ///< unrotated footprint, along y at 0 deg
    const QString &label() const { return m_label; }
    /// Type-specific values: "units_per_rack" (compute racks), "redundancy_group" (UPS),
    /// "feed" (A/B) ... Keys are documented in docs/file-format.md.
    const QVariantMap &properties() const { return m_properties; }
    /// Fields of the file this build does not know, kept for the round trip.
    const QJsonObject &unknownFields() const { return m_unknown; }

    /// Footprint in hall millimetres after rotation (90/270 swap width and depth).
    QRectF footprintMm() const;

    void setId(EquipmentId id) { m_id = id; }
    void setHallId(HallId id) { m_hallId = id; }
    void setInYard(bool yard) { m_inYard = yard; }
    void setPositionMm(double x, double y)
    {
        m_xMm = x;
        m_yMm = y;
    }
    void setRotationDeg(int deg) { m_rotationDeg = ((deg % 360) + 360) % 360; }
    void setSizeMm(double width, double depth)
    {
        m_widthMm = width;
        m_depthMm = depth;
    }
    void setLabel(const QString &label) { m_label = label; }
    void setProperty(const QString &key, const QVariant &value)
    {
        if (value.isValid())
            m_properties.insert(key, value);
        else
            m_properties.remove(key);
    }
    void setProperties(const QVariantMap &p) { m_properties = p; }
    void setUnknownFields(const QJsonObject &o) { m_unknown = o; }

    bool operator==(const Equipment &) const = default;

private:
    EquipmentId m_id = 0;
    EquipmentKind m_kind = EquipmentKind::System;
    QString m_catalogId;
    HallId m_hallId = 0;
    bool m_inYard = false;
    double m_xMm = 0.0;
    double m_yMm = 0.0;
    int m_rotationDeg = 0;
    double m_widthMm = 600.0;
    double m_depthMm = 1200.0;
    QString m_label;
    QVariantMap m_properties;
    QJsonObject m_unknown;
};

} // namespace th
