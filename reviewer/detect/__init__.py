"""reviewer/detect"""
